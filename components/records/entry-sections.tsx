import { textDirection } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/server";
import type { EntrySection } from "@/lib/records/entry";
import { GlossaryText } from "./glossary-text";

// Each part of an entry says, in words a child understands, what kind of information it is:
// something the worker saw or heard, something someone else told us (and who), what someone
// thinks, or what was decided.
export async function EntrySections({ sections, lang }: { sections: EntrySection[]; lang: string }) {
  const t = await getT("record");
  const labels = await Promise.all(sections.map(labelOf));
  return (
    <section aria-labelledby="entry-sections" className="stack">
      <h2 id="entry-sections">{t("entry.sections")}</h2>
      {sections.map((s, i) => (
        <div key={i} className={`section section-${s.nature}`}>
          <h3 className="section-label">{labels[i]}</h3>
          <p lang={lang} dir={textDirection(lang)}>
            <GlossaryText text={s.text} />
          </p>
        </div>
      ))}
    </section>
  );
}

async function labelOf(s: EntrySection): Promise<string> {
  const t = await getT("record");
  const source = s.sourceName ?? "";
  const thirdParty = s.source === "third_party";
  if (s.nature === "decision") return t("sections.decision");
  if (s.nature === "fact") return thirdParty ? t("sections.factThirdParty", { source }) : t("sections.factFirstHand");
  const thinks = thirdParty ? t("sections.thinksThirdParty", { source }) : t("sections.thinksFirstHand");
  return `${thinks} (${t(`sections.kind.${s.nature}`)})`;
}
