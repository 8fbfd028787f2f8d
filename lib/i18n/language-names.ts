import { textDirection, type Locale } from "./config.ts";
import { resources } from "./resources.ts";

export type LanguageName = {
  /** The language named in itself ("العربية"), to be marked with its own language and direction. */
  own: { text: string; lang: Locale; dir: "ltr" | "rtl" };
  /** What the page's language calls it ("(Arabic)"), in the page's language; empty on its own page. */
  gloss: string;
};

/**
 * A language's name as the language menu shows it. Each language file names every language in
 * itself, then in the file's language in brackets ("العربية (Arabic)"): the name in itself is
 * split off so it can carry its own lang and dir (a screen reader's voice, the script's font, its
 * own order), the rest stays in the page's language.
 */
export function languageName(language: Locale, said: string): LanguageName {
  const text = (resources[language].common as { language: Record<Locale, string> }).language[language];
  const own = { text, lang: language, dir: textDirection(language) };
  // A translation that names it otherwise (not starting with its name in itself): the name in itself alone.
  return { own, gloss: said.startsWith(text) ? said.slice(text.length).trim() : "" };
}
