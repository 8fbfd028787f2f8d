import Link from "next/link";
import { formatDate, isolate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { SentThing } from "@/lib/contributions";
import type { loadThings } from "@/lib/records/loaders";
import { SentThings } from "../contributions/sent-things";
import { FileList } from "../files/file-list";
import { RecordNav } from "./record-nav";

type View = Awaited<ReturnType<typeof loadThings>>;

export async function ThingsPage({ view, sent }: { view: View; sent: SentThing[] }) {
  const t = await getT("record");
  const { actor, reader, record, locale, things } = view;
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t(`byReader.thingsTitle.${reader}`, { name: record.name })}</h1>
      <p>{t(`byReader.thingsIntro.${reader}`, { name: record.name })}</p>
      {things.length === 0 ? (
        <p>{t("things.none")}</p>
      ) : (
        <ul className="card-list">
          {things.map((thing) => (
            <li key={thing.entryId} className="card stack">
              <p>
                <Link href={paths.entry(record.id, thing.entryId)} className="card-title" prefetch={false}>{thing.title}</Link>{" "}
                <time dateTime={isoDateTime(thing.occurredAt)} className="hint">{formatDate(thing.occurredAt, locale)}</time>
              </p>
              {thing.originalLocation ? <p>{t("entry.originalIsAt", { place: isolate(thing.originalLocation) })}</p> : null}
              {thing.files.length === 0 ? (
                <p className="hint">{t("things.noFiles")}</p>
              ) : (
                // A drawing or a photo is shown, described by its item's title; the link keeps a copy.
                <FileList files={thing.files} href={(id) => paths.file(record.id, id)} linkText={(name) => t("things.download", { name })} locale={locale} pictures={{ show: "byType", alt: thing.title }} />
              )}
            </li>
          ))}
        </ul>
      )}
      <SentThings childId={record.id} things={sent} locale={locale} reader={reader} />
    </div>
  );
}
