// The languages translators work on: those the portal offers (LOCALES) and those being prepared
// for it. A prepared language can be exported, translated and imported into locales/<lang>/
// before it is offered; it is offered once it is added to LOCALES and lib/i18n/resources.ts.
import { DEFAULT_LOCALE, LOCALES } from "../config.ts";

/** English is what every other language is translated from. */
export const SOURCE_LANGUAGE = DEFAULT_LOCALE;

/** Asked for by the council, not yet offered. */
export const PREPARING = ["pl", "gu", "ar", "ro"] as const;

export const TARGET_LANGUAGES: readonly string[] = [...LOCALES.filter((l) => l !== SOURCE_LANGUAGE), ...PREPARING];

export const isTargetLanguage = (lang: string) => TARGET_LANGUAGES.includes(lang);

/** The target language a file's tag means: "pl", or "pl-PL" as translation tools often write it; undefined when none. */
export function targetLanguageOf(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  return [lower, lower.split("-")[0]].find(isTargetLanguage);
}

export const isOffered = (lang: string) => (LOCALES as readonly string[]).includes(lang);

/** "Polish", in English, for notes read by translators. */
export const languageName = (lang: string) => new Intl.DisplayNames(["en"], { type: "language" }).of(lang) ?? lang;

/** "Polish (pl)", for tables. */
export const languageLabel = (lang: string) => (languageName(lang) === lang ? lang : `${languageName(lang)} (${lang})`);
