import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { EntryView } from "@/lib/records/entry";

type Readable = Extract<EntryView, { kind: "readable" }>;

/** Statements of disagreement: the requester's own view, standing with the entry for everyone who reads it. */
export async function Disagreements({ entry, locale }: { entry: Readable; locale: string }) {
  if (entry.disagreements.length === 0) return null;
  const t = await getT("corrections");
  return (
    <>
      {entry.disagreements.map((d, i) => (
        <aside key={i} className="disagreement stack" aria-label={t("entry.disagreement", { name: d.name })}>
          <p><strong>{t("entry.disagreement", { name: d.name })}</strong> <span className="hint">({formatDate(d.createdAt, locale)})</span></p>
          <p className="message-text" dir="auto">{d.text}</p>
        </aside>
      ))}
    </>
  );
}

/** The wording before each correction, kept and readable by the same people (in English, as written). */
export async function EarlierVersions({ entry, locale }: { entry: Readable; locale: string }) {
  if (entry.earlierVersions.length === 0) return null;
  const t = await getT("corrections");
  return (
    <section className="stack" aria-labelledby="earlier-versions">
      <h2 id="earlier-versions">{t("entry.corrected", { date: formatDate(entry.earlierVersions[0]!.replacedAt, locale) })}</h2>
      {entry.earlierVersions.map((v) => (
        <details key={v.version}>
          <summary>{t("entry.earlier", { n: v.version, date: formatDate(v.replacedAt, locale) })}</summary>
          <div className="stack" lang="en" dir="ltr">
            {v.sections.map((text, i) => <p key={i} className="message-text">{text}</p>)}
          </div>
        </details>
      ))}
    </section>
  );
}
