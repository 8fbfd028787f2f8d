import Link from "next/link";
import type { ChildSummary } from "@/lib/access";
import type { CaseworkerLoad, InboxFilter, InboxPage } from "@/lib/contributions";
import { CONTRIBUTION_KINDS } from "@/lib/contributions/rules";
import { formatDate, isoDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { ConversationTag } from "../conversation/conversation-tag";
import { DueLine, StatusTag } from "./status-tag";

const STATUSES = ["sent", "opened", "answered", "added", "withdrawn"] as const;

// The staff inbox: what children and families sent, newest first, with filters that work as a
// plain GET form (no JavaScript needed) and "Older" pages.
type Props = { page: InboxPage; filter: InboxFilter; team: CaseworkerLoad[]; children: ChildSummary[]; locale: string };

export async function Inbox({ page, filter, team, children, locale }: Props) {
  const t = await getT("contributions");
  const query = { child: filter.childId, kind: filter.kind, status: filter.status };
  return (
    <section className="stack" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t("inbox.title")} {page.unread ? <span className="tag tag-overdue">{t("inbox.unread", { count: page.unread })}</span> : null}</h2>
      {team.length ? (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="table-caption">{t("inbox.byCaseworker")}</caption>
            <thead><tr><th scope="col">{t("inbox.caseworker")}</th><th scope="col">{t("inbox.unanswered")}</th><th scope="col">{t("inbox.overdueCount")}</th></tr></thead>
            <tbody>
              {team.map((c) => (
                <tr key={c.caseworkerId}><th scope="row"><bdi dir="auto">{c.name}</bdi></th><td>{c.unanswered}</td><td>{c.overdue ? <strong className="tag tag-overdue">{c.overdue}</strong> : 0}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form method="get" action={paths.home()} className="filters">
        <fieldset>
          <legend>{t("inbox.filters")}</legend>
          <div className="field">
            <label htmlFor="inbox-child">{t("inbox.child")}</label>
            <select id="inbox-child" name="child" defaultValue={filter.childId ?? ""}>
              <option value="">{t("inbox.all")}</option>
              {children.map((c) => <option key={c.id} value={c.id}>{c.preferredName ?? c.fullName}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-kind">{t("inbox.kind")}</label>
            <select id="inbox-kind" name="kind" defaultValue={filter.kind ?? ""}>
              <option value="">{t("inbox.all")}</option>
              {CONTRIBUTION_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inbox-status">{t("inbox.status")}</label>
            <select id="inbox-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("inbox.all")}</option>
              {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
            </select>
          </div>
          <button type="submit" className="button button-secondary">{t("inbox.apply")}</button>
        </fieldset>
      </form>
      {page.items.length === 0 ? <p>{t("inbox.none")}</p> : (
        <ul className="entry-list">
          {page.items.map((c) => (
            <li key={c.id} className="entry-card">
              <p className="entry-meta"><StatusTag status={c.status} /><ConversationTag conversation={c.conversation} staff locale={locale} /><span>{t(`kinds.${c.kind}`)}</span><span>{t("inbox.forChild", { name: c.childName })}</span></p>
              <Link href={paths.contribution(c.childId, c.id)} className="entry-title" prefetch={false}>
                <span dir="auto" className="message-text">{c.preview || t(`kinds.${c.kind}`)}</span>
              </Link>
              <p className="entry-meta">
                <span>{t("list.from", { name: c.authorName })}</span>
                {c.sentAt ? <time dateTime={isoDateTime(c.sentAt)}>{t("list.sentOn", { date: formatDate(c.sentAt, locale) })}</time> : null}
                {c.fileCount ? <span>{t("list.files", { count: c.fileCount })}</span> : null}
                <DueLine item={c} locale={locale} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="pager">
        {page.next ? <Link href={paths.inbox({ ...query, after: page.next })} prefetch={false}>{t("inbox.older")}</Link> : null}
      </p>
    </section>
  );
}
