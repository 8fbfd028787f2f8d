import Link from "next/link";
import type { Reader } from "@/lib/access";
import type { SentThing } from "@/lib/contributions";
import { formatDate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { FileList } from "../files/file-list";

// On "My things": copies sent to the worker, before and after they are added to the record, with
// where each now sits in the record and where the original is.
export async function SentThings({ childId, things, locale, reader }: { childId: string; things: SentThing[]; locale: string; reader: Reader }) {
  if (things.length === 0) return null;
  const t = await getT("contributions");
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
            <FileList files={thing.files} href={(id) => paths.contributionFile(childId, thing.contributionId, id)} linkText={(name) => t("detail.download", { name })} locale={locale} pictures={{ show: "reencoded" }} />
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
