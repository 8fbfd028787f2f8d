import { textDirection } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/server";
import type { EntrySection, EntryView } from "@/lib/records/entry";
import { sectionLabel } from "@/lib/records/section-label";
import { GlossaryText } from "./glossary-text";

// Each part of an entry says, in words a child understands, what kind of information it is
// (lib/records/section-label.ts): something the worker saw or heard, what a letter says,
// something someone else told us, what someone thinks, or what was decided. Who told us is a
// line of its own, in the council's own words.
export async function EntrySections({ sections, type, lang }: { sections: EntrySection[]; type: EntryView["type"]; lang: string }) {
  const t = await getT("record");
  return (
    <section aria-labelledby="entry-sections" className="stack">
      <h2 id="entry-sections">{t("entry.sections")}</h2>
      {sections.map((s, i) => {
        const label = sectionLabel(s, type);
        return (
          <div key={i} className={`section section-${s.nature}`}>
            <h3 className="section-label">{t(label.key)}</h3>
            {label.toldBy ? <p className="hint">{t("sectionLabels.toldBy", { source: `\u2068${label.toldBy}\u2069` })}</p> : null}
            <p lang={lang} dir={textDirection(lang)}>
              <GlossaryText text={s.text} />
            </p>
          </div>
        );
      })}
    </section>
  );
}
