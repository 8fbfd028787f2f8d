import Link from "next/link";
import { formatDate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { loadRequestsOnRecord } from "@/lib/rectification/loaders";
import { ConversationTag } from "../conversation/conversation-tag";
import { RecordNav } from "../records/record-nav";
import { ClockLine } from "./clock-line";
import { RequestStatus } from "./request-status";

type View = Awaited<ReturnType<typeof loadRequestsOnRecord>>;

// Every request this person may see on the record, with its status and clock.
export async function RequestsPage({ view }: { view: View }) {
  const t = await getT("corrections");
  const { actor, record, locale, items, staff } = view;
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{staff ? t("list.titleStaff") : t("list.title")}</h1>
      <p>{staff ? t("list.introStaff") : t("list.intro")}</p>
      {items.length === 0 ? <p>{t("list.none")}</p> : (
        <ul className="entry-list">
          {items.map((r) => (
            <li key={r.id} className="entry-card">
              <p className="entry-meta"><RequestStatus request={r} staff={staff} /><ConversationTag conversation={r.conversation} staff={staff} locale={locale} /><ClockLine clock={r.clock} locale={locale} /></p>
              <Link href={paths.correction(record.id, r.id)} className="entry-title" prefetch={false}><span dir="auto" className="message-text">{r.whatIsWrong}</span></Link>
              <p className="entry-meta">
                <time dateTime={isoDateTime(r.receivedAt)}>{t("list.receivedOn", { date: formatDate(r.receivedAt, locale) })}</time>
                {!r.fromMe ? <span>{t("list.from", { name: r.requesterName })}</span> : null}
                {r.entryTitles.length ? <span>{t("list.about", { titles: r.entryTitles.join(", ") })}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
