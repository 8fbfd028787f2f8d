import { randomUUID } from "node:crypto";
import Link from "next/link";
import { audienceOf, readerOf, type Reader } from "@/lib/access";
import type { ContributionDetail } from "@/lib/contributions";
import type { loadContribution } from "@/lib/contributions/loaders";
import { addToRecordAction, answerContributionAction, recordOriginalAction, withdrawContributionAction } from "@/lib/contributions/actions";
import { STATUS_STEPS, mayWithdraw } from "@/lib/contributions/rules";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { pickResources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { AnswerForm } from "../conversation/answer-form";
import { Thread } from "../conversation/thread";
import { ConfirmForm } from "../forms/confirm-form";
import { I18nProvider } from "../i18n-provider";
import { Alert } from "../ui/alert";
import { ReplyForm } from "./reply-form";
import { DueLine, StatusTag } from "./status-tag";

type View = Awaited<ReturnType<typeof loadContribution>> & { done?: string; problem: boolean };
type T = Awaited<ReturnType<typeof getT>>;

// One contribution: the conversation (what was sent, as plain text, then replies and answers), where
// it is; for its sender an answer once staff have replied, and a way to take it back while
// unopened; for staff a reply, adding it to the record, and the original.
export async function ContributionPage({ view }: { view: View }) {
  const [t, te] = await Promise.all([getT("contributions"), getT("errors")]);
  const { actor, record, locale, contribution: c } = view;
  const staff = audienceOf(actor) === "staff";
  return (
    <article className="stack">
      <p><Link href={staff ? paths.home() : paths.contributions(record.id)} prefetch={false}>{staff ? t("detail.backStaff") : t("detail.back")}</Link></p>
      {view.done ? <Alert kind="info">{t(DONE[view.done] ?? "staff.originalSaved")}</Alert> : null}
      {view.problem ? <Alert kind="error">{c.status === "opened" || c.status === "answered" ? t("detail.cannotWithdraw") : te("unexpected")}</Alert> : null}
      <p className="entry-meta"><StatusTag status={c.status} /> <DueLine item={c} locale={locale} /></p>
      <h1>{t(`kinds.${c.kind}`)}</h1>
      <dl className="facts">
        <dt>{t("detail.from")}</dt>
        <dd><bdi dir="auto">{c.author.displayName}</bdi>{c.helpedByName ? <> · {t("detail.helpedBy", { name: c.helpedByName })}</> : null}</dd>
        {c.aboutEntryId && c.aboutEntry ? (<><dt>{t("detail.about")}</dt><dd><Link href={paths.entry(record.id, c.aboutEntryId)} prefetch={false}>{c.aboutEntry.title}</Link></dd></>) : null}
        {c.sentAt ? (<><dt>{t("detail.sentOn")}</dt><dd><time dateTime={isoDateTime(c.sentAt)}>{formatDateTime(c.sentAt, locale)}</time></dd></>) : null}
        <dt>{t("detail.whoReads")}</dt>
        <dd>{t(`detail.readers.${readersKey(c)}`, { context: audienceOf(actor) })}</dd>
        {c.originalWhereabouts ? (<><dt>{t("detail.original")}</dt><dd>{originalText(t, c, locale)}</dd></>) : null}
      </dl>
      <Thread thread={c.thread} locale={locale} conversation={c.conversation} reader={readerOf(actor)} closed={c.status === "added" ? "added" : null}
        fileHref={(id) => paths.contributionFile(record.id, c.id, id)} />
      {c.replies.length === 0 && c.status !== "withdrawn" && c.status !== "draft" ? <p>{t("detail.noReplies")}</p> : null}
      {c.mayAnswer ? <Answer view={view} t={t} /> : null}
      <h2>{t("detail.progress")}</h2>
      <Progress c={c} t={t} locale={locale} />
      {c.status === "added" && view.entryReadable && c.recordEntryId ? <p><Link href={paths.entry(record.id, c.recordEntryId)} prefetch={false}>{t("detail.readInRecord")}</Link></p> : null}
      {c.withdrawnAt ? <p>{t("detail.withdrawn", { date: formatDate(c.withdrawnAt, locale) })}</p> : null}
      {c.fromMe && mayWithdraw(c.status) ? (
        <div className="panel stack">
          <p>{t("detail.withdrawHint")}</p>
          <ConfirmForm action={withdrawContributionAction} hidden={{ childId: record.id, contributionId: c.id }}
            confirmPath={paths.contributionWithdraw(record.id, c.id)} words={withdrawWords(t, readerOf(actor))} />
        </div>
      ) : null}
      {staff && c.status !== "withdrawn" ? <StaffTools view={view} t={t} /> : null}
    </article>
  );
}

function readersKey(c: ContributionDetail) {
  const child = c.sharedWithChild || c.helpedById !== null || c.authorRole === "child";
  return child && c.sharedWithFamily ? "everyone" : child ? "staffAndChild" : c.sharedWithFamily ? "staffAndFamily" : "staff";
}

function originalText(t: T, c: ContributionDetail, locale: string): string {
  if (c.originalWhereabouts === "with_child") return t("detail.originalWithChild");
  if (c.originalWhereabouts === "returned") return c.originalReturnedOn ? t("detail.originalReturned", { date: formatDate(c.originalReturnedOn, locale) }) : t("detail.originalReturnedNoDate");
  return c.originalPlace ? t("detail.originalHeld", { place: c.originalPlace }) : t("detail.originalHeldNoPlace");
}

const DONE: Record<string, string> = { replied: "staff.replied", added: "staff.added", original: "staff.originalSaved", answered: "thread.answerSent" };

/** The sender's answer, after a reply: words, files (the same rules as the first message) or both. */
function Answer({ view, t }: { view: View; t: T }) {
  const { record, contribution: c, locale } = view;
  return (
    <section className="panel stack" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t("thread.answerHeading")}</h2>
      <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["contributions"])}>
        {/* A fresh key per form shown: pressing "send" twice makes one answer. */}
        <AnswerForm name="answer" action={answerContributionAction} hidden={{ childId: record.id, contributionId: c.id, submissionKey: randomUUID() }} words={{
          label: t("thread.answerLabel"), hint: t("thread.answerHint"),
          filesLabel: t("form.filesLabel"), filesHint: t("form.filesHint"), filesAgain: t("form.filesAgain"), send: t("thread.answerSend"),
        }} />
      </I18nProvider>
    </section>
  );
}

function Progress({ c, t, locale }: { c: ContributionDetail; t: T; locale: string }) {
  const at: Record<(typeof STATUS_STEPS)[number], Date | null> = { sent: c.sentAt, opened: c.openedAt, answered: c.answeredAt, added: c.addedAt };
  return (
    <ol className="steps">
      {STATUS_STEPS.map((step) => {
        const when = at[step];
        return (
          <li key={step} className={when ? "step-done" : "step-todo"}>
            <span>{t(`detail.steps.${step}`)}</span>
            <span className="hint">{when ? <time dateTime={isoDateTime(when)}>{formatDate(when, locale)}</time> : t("detail.notYet")}</span>
          </li>
        );
      })}
    </ol>
  );
}

function StaffTools({ view, t }: { view: View; t: T }) {
  const { record, contribution: c, locale } = view;
  const hidden = (<><input type="hidden" name="childId" value={record.id} /><input type="hidden" name="contributionId" value={c.id} /></>);
  return (
    <>
      <section className="panel stack" aria-labelledby="reply-heading">
        <h2 id="reply-heading">{t("staff.replyHeading")}</h2>
        <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["contributions"])}>
          <ReplyForm childId={record.id} contributionId={c.id} />
        </I18nProvider>
      </section>
      {c.status !== "added" ? (
        <form action={addToRecordAction} className="panel stack" aria-labelledby="add-heading">
          <h2 id="add-heading">{t("staff.addHeading")}</h2>
          <p>{t("staff.addHint")}</p>
          {hidden}
          <div className="choice">
            <input type="checkbox" id="withFamily" name="withFamily" />
            <label htmlFor="withFamily">{t("staff.withFamily")}</label>
          </div>
          <button type="submit" className="button">{t("staff.addButton")}</button>
        </form>
      ) : null}
      {c.attachments.length || c.kind === "proud" ? (
        <form action={recordOriginalAction} className="panel stack" aria-labelledby="original-heading">
          <h2 id="original-heading">{t("staff.originalHeading")}</h2>
          {hidden}
          <fieldset className="choices">
            <legend className="visually-hidden">{t("staff.originalHeading")}</legend>
            {(["with_child", "returned", "held_by_council"] as const).map((w) => (
              <div key={w} className="choice">
                <input type="radio" id={`where-${w}`} name="whereabouts" value={w} defaultChecked={c.originalWhereabouts === w} required />
                <label htmlFor={`where-${w}`}>{t(`staff.whereabouts.${w}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="returnedOn">{t("staff.returnedOn")}</label>
            <input type="date" id="returnedOn" name="returnedOn" />
          </div>
          <div className="field">
            <label htmlFor="place">{t("staff.place")}</label>
            <input type="text" id="place" name="place" dir="auto" maxLength={200} defaultValue={c.originalPlace ?? ""} />
          </div>
          <button type="submit" className="button button-secondary">{t("staff.originalSave")}</button>
        </form>
      ) : null}
    </>
  );
}

/** Taking a message back: the same words in the dialog and on the page shown with JavaScript off. */
export function withdrawWords(t: T, reader: Reader) {
  return {
    button: t("detail.withdraw"),
    confirmTitle: t("detail.withdrawConfirmTitle"),
    confirmText: t(`detail.withdrawConfirmText.${reader === "family" ? "family" : "child"}`),
    yes: t("detail.withdrawYes"),
    cancel: t("detail.withdrawCancel"),
  };
}
