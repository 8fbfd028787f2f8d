import { getLocale, getT } from "@/lib/i18n/server";
import { glossaryAnchorId, splitGlossaryText } from "@/lib/records/glossary";

/**
 * Record text with each glossary term as a link to its explanation: a plain link, so it works by
 * tap on a phone, with a keyboard and with JavaScript off (no hover, no tooltip). The explanations
 * are a <WordsExplained> on the same page (same `scope`), or the glossary page (`explainedAt="/glossary"`).
 * Renders inline: the caller's element sets the text's language (entries are written in English).
 */
export async function GlossaryText({ text, scope, explainedAt = "" }: { text: string; scope?: string; explainedAt?: string }) {
  const parts = splitGlossaryText(text);
  if (!parts.some((part) => part.termId)) return <>{text}</>;
  const [t, locale] = await Promise.all([getT("glossary"), getLocale()]);
  const hint = ` (${t("linkHint")})`;
  return (
    <>
      {parts.map((part, i) =>
        part.termId ? (
          <a key={i} href={`${explainedAt}#${glossaryAnchorId(part.termId, scope)}`} className="term">
            {part.text}
            <span className="term-hint" lang={locale}>
              {hint}
            </span>
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
