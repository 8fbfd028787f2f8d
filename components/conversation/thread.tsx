import type { ConversationState, ThreadMessage } from "@/lib/contributions";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { FileList } from "../files/file-list";

type Props = {
  thread: ThreadMessage[];
  locale: string;
  conversation: ConversationState;
  /** Who reads: staff are told a reply is due; the sender that one is on its way. */
  reader: "staff" | "child" | "family";
  /** What was closed that an answer does not reopen: a contribution added to the record, a decided request. */
  closed: "added" | "decided" | null;
  fileHref: (attachmentId: string) => string;
  /** A correction request's first message comes in labelled parts ("What is wrong", "What it should say"). */
  firstParts?: { label: string; text: string }[];
};

// The whole conversation, oldest first, each message with who wrote it and when: what was sent,
// staff replies and the sender's answers (and a correction's questions). Words are shown as
// plain text, files as downloads (pictures we re-encoded also inline).
export async function Thread({ thread, locale, conversation, reader, closed, fileHref, firstParts }: Props) {
  const t = await getT("contributions");
  return (
    <section className="stack" aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t("thread.heading")}</h2>
      {conversation.waitingOnStaff ? <Waiting conversation={conversation} reader={reader} closed={closed} locale={locale} t={t} /> : null}
      <ol className="thread">
        {thread.map((m) => (
          <li key={m.id} className={`message message-${m.side}`}>
            <p className="hint message-by">
              {m.fromMe ? t(`thread.byMe.${m.kind}`, { date: formatDateTime(m.at, locale) }) : t(`thread.by.${m.kind}`, { name: m.authorName, date: formatDateTime(m.at, locale) })}
            </p>
            {m.kind === "first" && firstParts ? firstParts.filter((p) => p.text).map((p) => (
              <div key={p.label} className="stack message-part">
                <p className="message-label">{p.label}</p>
                <p className="message-text" dir="auto">{p.text}</p>
              </div>
            )) : m.body ? <p className="message-text" dir="auto">{m.body}</p> : null}
            {/* Pictures are our own re-encoding (no metadata), so they are shown; PDFs are only downloaded. */}
            {m.files.length ? <FileList files={m.files} href={fileHref} linkText={(name) => t("detail.download", { name })} locale={locale} pictures={{ show: "reencoded" }} className="plain-list stack" /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type T = Awaited<ReturnType<typeof getT>>;

function Waiting({ conversation, reader, closed, locale, t }: { conversation: ConversationState; reader: Props["reader"]; closed: Props["closed"]; locale: string; t: T }) {
  const date = formatDay(conversation.replyDueOn!, locale);
  return (
    <p className="message-waiting">
      {reader === "staff" ? (
        <strong className={conversation.overdue ? "tag tag-overdue" : "tag"}>{conversation.overdue ? t("thread.replyOverdue", { date }) : t("thread.replyDue", { date })}</strong>
      ) : (
        <span>{reader === "child" ? t("thread.waitingChild", { date }) : t("thread.waitingFamily", { date })}</span>
      )}
      {closed ? <> {t(closed === "added" ? "thread.reopenedAdded" : "thread.reopenedDecided")}</> : null}
    </p>
  );
}
