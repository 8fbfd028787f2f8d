import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { EntrySection, EntryView } from "@/lib/records/entry";
import { sectionLabel } from "@/lib/records/section-label";
import { GlossaryText } from "./glossary-text";

// Each part of an entry says, in words a child understands, what kind of information it is
// (lib/records/section-label.ts): something the worker saw or heard, what a letter says,
// something someone else told us, what someone thinks, or what was decided. Who told us is a
// line of its own, in the council's own words.
type Props = { sections: EntrySection[]; type: EntryView["type"]; lang: string; askHref?: (part: number) => string };

export async function EntrySections({ sections, type, lang, askHref }: Props) {
  const [t, tk] = await Promise.all([getT("record"), getT("corrections")]);
  return (
    <section aria-labelledby="entry-sections" className="stack">
      <h2 id="entry-sections">{t("entry.sections")}</h2>
      {sections.map((s, i) => {
        const label = sectionLabel(s, type);
        return (
          <div key={i} className={`section section-${s.nature}`}>
            <h3 className="section-label">{t(label.key)}</h3>
            {label.toldBy ? <p className="hint">{t("sectionLabels.toldBy", { source: `\u2068${label.toldBy}\u2069` })}</p> : null}
            <p lang={lang} dir="auto">
              <GlossaryText text={s.text} />
            </p>
            {askHref ? <p className="hint"><Link href={askHref(i)} prefetch={false}>{tk("askPart")}</Link></p> : null}
          </div>
        );
      })}
    </section>
  );
}
