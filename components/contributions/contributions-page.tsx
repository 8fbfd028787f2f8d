import Link from "next/link";
import { audienceOf } from "@/lib/access";
import type { loadContributionsOnRecord } from "@/lib/contributions/loaders";
import { formatDate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { RecordNav } from "../records/record-nav";
import { ConversationTag } from "../conversation/conversation-tag";
import { Alert } from "../ui/alert";
import { DueLine, StatusTag } from "./status-tag";

type View = Awaited<ReturnType<typeof loadContributionsOnRecord>> & { saved: boolean };

// "What you've sent": each contribution with its status tag and due date, drafts first.
export async function ContributionsPage({ view }: { view: View }) {
  const t = await getT("contributions");
  const { actor, reader, record, locale, items } = view;
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t(`list.title.${reader}`)}</h1>
      {view.saved ? <Alert kind="info">{t("list.saved")}</Alert> : null}
      <p>{t(`list.intro.${reader}`)}</p>
      {view.maySend ? <p><Link href={paths.newContribution(record.id)} className="button" prefetch={false}>{t("add")}</Link></p> : null}
      {items.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="entry-list">
          {items.map((c) => (
            <li key={c.id} className="entry-card">
              <p className="entry-meta">
                <StatusTag status={c.status} />
                <ConversationTag conversation={c.conversation} staff={audienceOf(actor) === "staff"} locale={locale} />
                <span>{t(`kinds.${c.kind}`)}</span>
              </p>
              <Link href={c.status === "draft" ? paths.newContribution(record.id, { draft: c.id }) : paths.contribution(record.id, c.id)} className="entry-title" prefetch={false}>
                {c.status === "draft" ? t("list.continueDraft") : <span dir="auto" className="message-text">{c.preview || t(`kinds.${c.kind}`)}</span>}
              </Link>
              <p className="entry-meta">
                {c.sentAt ? <time dateTime={isoDateTime(c.sentAt)}>{t("list.sentOn", { date: formatDate(c.sentAt, locale) })}</time> : <time dateTime={isoDateTime(c.createdAt)}>{t("list.startedOn", { date: formatDate(c.createdAt, locale) })}</time>}
                {!c.fromMe ? <span>{t("list.from", { name: c.authorName })}</span> : null}
                {c.fileCount ? <span>{t("list.files", { count: c.fileCount })}</span> : null}
                <DueLine item={c} locale={locale} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
