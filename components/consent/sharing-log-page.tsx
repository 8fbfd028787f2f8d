import Link from "next/link";
import type { loadSharingLog } from "@/lib/consent/loaders";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { fromDateColumn } from "@/lib/calendar";
import { RecordNav } from "../records/record-nav";
import { Alert } from "../ui/alert";
import { ShareReviewBox } from "./share-review";

type View = Awaited<ReturnType<typeof loadSharingLog>>;

// "Who my information was shared with": every share this reader may know of, newest first. Staff
// can record a share; a reason kept from the child shows where its review stands, and the
// managers who review it can review it here.
export async function SharingLogPage({ view }: { view: View }) {
  const t = await getT("consent");
  const { actor, record, locale, shares } = view;
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t("log.title")}</h1>
      {view.done ? <Alert kind="info">{t(view.done === "shared" ? "share.done" : "review.done")}</Alert> : null}
      <p>{t("log.intro")}</p>
      {view.staff ? <p><Link href={paths.newShare(record.id)} className="button" prefetch={false}>{t("share.link")}</Link></p> : null}
      {shares.length === 0 ? <p>{t("log.none")}</p> : (
        <ul className="entry-list">
          {shares.map((s) => (
            <li key={s.id} className="entry-card">
              <p className="entry-meta"><span>{formatDay(fromDateColumn(s.sharedOn), locale)}</span><strong className="tag">{t(`log.basis.${s.lawfulBasis}`)}</strong></p>
              <h2 className="entry-title"><bdi dir="auto">{s.recipientName || t(`recipients.${s.recipient}`)}</bdi></h2>
              <p>{s.what === "entries" ? <>{t("log.what.entries")}{s.entries.map((e, i) => <span key={e.id}>{i ? ", " : ""}<Link href={paths.entry(record.id, e.id)} prefetch={false}>{e.title}</Link></span>)}</> : t(`log.what.${s.what}`, { description: s.description })}</p>
              <p>{t("topic.for", { purpose: s.purpose })}</p>
              {s.reason ? <p className="message-text" dir="auto">{t("log.reason", { reason: s.reason })}</p> : null}
              {s.reasonWithheld && !s.review?.shown ? <p className="hint">{t("log.reasonWithheld")}</p> : null}
              {s.consentDecision ? <p className="hint">{t("log.consentBy", { name: s.consentDecision.decidedBy.displayName, date: formatDate(s.consentDecision.decidedAt, locale) })}</p> : null}
              <p className="hint">{t("log.recordedBy", { name: s.recordedBy.displayName })}</p>
              {s.review ? <ShareReviewBox childId={record.id} shareId={s.id} review={s.review} mayReview={view.mayReview} locale={locale} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
