import { textDirection } from "@/lib/i18n/config";
import { getLocale, getT } from "@/lib/i18n/server";
import { glossaryAnchorId, type GlossaryTermId } from "@/lib/records/glossary";

/** "Words in this entry": each term found in an entry and what it means, in the reader's language. */
export async function WordsExplained({
  termIds,
  scope,
  headingLevel = 2,
}: {
  termIds: readonly GlossaryTermId[];
  /** The same scope given to <GlossaryText>, when a page shows more than one entry. */
  scope?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  if (termIds.length === 0) return null;
  const t = await getT("glossary");
  const headingId = scope ? `words-explained-${scope}` : "words-explained";
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="words-explained" aria-labelledby={headingId}>
      <Heading id={headingId}>{t("wordsInThisEntry")}</Heading>
      <GlossaryList termIds={termIds} scope={scope} />
    </section>
  );
}

/** Terms and their meanings as a description list; each item is a link target (`term-<id>`). */
export async function GlossaryList({
  termIds,
  scope,
  alphabetical = false,
}: {
  termIds: readonly GlossaryTermId[];
  scope?: string;
  /** Sort by the term as the reader sees it, in their language's order; else keep the order given. */
  alphabetical?: boolean;
}) {
  const [t, locale] = await Promise.all([getT("glossary"), getLocale()]);
  const items = termIds.map((id) => ({ id, term: t(`terms.${id}.term`), meaning: t(`terms.${id}.meaning`) }));
  if (alphabetical) {
    const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    items.sort((a, b) => collator.compare(a.term, b.term));
  }
  return (
    <dl className="glossary-list" lang={locale} dir={textDirection(locale)}>
      {items.map((item) => (
        <div key={item.id} id={glossaryAnchorId(item.id, scope)} className="glossary-item">
          <dt>{item.term}</dt>
          <dd>{item.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
