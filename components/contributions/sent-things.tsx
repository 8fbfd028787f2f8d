import Link from "next/link";
import type { Reader } from "@/lib/access";
import type { SentThing } from "@/lib/contributions";
import { formatDate, formatFileSize, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { fileKind } from "@/lib/files/media-kind";
import { paths } from "@/lib/paths";

// On "My things": copies sent to the worker, before and after they are added to the record, with
// where each now sits in the record and where the original is.
export async function SentThings({ childId, things, locale, reader }: { childId: string; things: SentThing[]; locale: string; reader: Reader }) {
  if (things.length === 0) return null;
  const [t, tf] = await Promise.all([getT("contributions"), getT("files")]);
  return (
    <section className="stack" aria-labelledby="sent-things">
      <h2 id="sent-things">{t(`things.title.${reader}`)}</h2>
      <p>{t(`things.intro.${reader}`)}</p>
      <ul className="card-list">
        {things.map((thing) => (
          <li key={thing.contributionId} className="card stack">
            <p>
              <Link href={paths.contribution(childId, thing.contributionId)} className="card-title" prefetch={false}>
                <span dir="auto">{thing.preview || t(`kinds.${thing.kind}`)}</span>
              </Link>{" "}
              <time dateTime={isoDateTime(thing.sentAt)} className="hint">{formatDate(thing.sentAt, locale)}</time>
            </p>
            {thing.inRecord ? (
              <p>
                {t(`things.inRecord.${reader}`)}{" "}
                {thing.inRecord.entryId ? <Link href={paths.entry(childId, thing.inRecord.entryId)} prefetch={false}>{t("detail.readInRecord")}</Link> : null}
              </p>
            ) : null}
            <p>{t("detail.original")}: {originalWords(t, thing, locale)}</p>
            <ul>
              {thing.files.map((f) => {
                const href = paths.contributionFile(childId, thing.contributionId, f.id);
                return (
                  <li key={f.id} className="thing-file">
                    {f.reencoded ? <img src={`${href}?inline=1`} alt={f.fileName} className="thing-picture" loading="lazy" /> : null}
                    <span>
                      <a href={href} dir="auto">{t("detail.download", { name: f.fileName })}</a>{" "}
                      <span className="hint">({tf("details", { kind: tf(`kinds.${fileKind(f.mediaType)}`), size: formatFileSize(f.size, locale) })})</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

type T = Awaited<ReturnType<typeof getT>>;

function originalWords(t: T, thing: SentThing, locale: string): string {
  if (thing.originalWhereabouts === "returned") return thing.originalReturnedOn ? t("detail.originalReturned", { date: formatDate(thing.originalReturnedOn, locale) }) : t("detail.originalReturnedNoDate");
  if (thing.originalWhereabouts === "held_by_council") return thing.originalPlace ? t("detail.originalHeld", { place: thing.originalPlace }) : t("detail.originalHeldNoPlace");
  // Files are copies: until a worker notes otherwise, the original stays with whoever sent it.
  return t(thing.fromMe ? "things.originalWithYou" : "things.originalWithSender");
}
