import { randomUUID } from "node:crypto";
import { formatDate } from "@/lib/i18n/format";
import type { getT } from "@/lib/i18n/server";
import type { RequestDetail } from "@/lib/rectification";
import type { loadRequest } from "@/lib/rectification/loaders";
import { answerAction, answerOnRequestAction, decideAction, disagreeAction, extendAction, questionAction, replyOnRequestAction, toldAction, withdrawAction } from "@/lib/rectification/actions";
import { AnswerForm } from "../conversation/answer-form";
import { StepForm, type Field } from "../forms/step-form";

type View = Awaited<ReturnType<typeof loadRequest>>;
type T = Awaited<ReturnType<typeof getT>>;
type Props = { view: View; t: T; open: boolean };

const refOf = (view: View) => ({ childId: view.record.id, requestId: view.request.id });
const versioned = (view: View) => ({ ...refOf(view), version: String(view.request.version) });

function Panel({ id, title, hint, children }: { id: string; title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section className="panel stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p>{hint}</p> : null}
      {children}
    </section>
  );
}

/** What the requester can do: answer a question, answer in the conversation, take the request back, add their own view. */
export function RequesterSteps({ view, t, tm, open }: Props & { tm: T }) {
  const r = view.request;
  const mine = r.fromMe;
  const mayDisagree = mine && (r.outcome === "not_corrected" || r.outcome === "partly_corrected");
  return (
    <>
      {r.mayAnswer ? (
        <Panel id="conversation-answer" title={tm("thread.answerHeading")}>
          {/* A fresh key per form shown: pressing "send" twice makes one answer. */}
          <AnswerForm name="conversation-answer-form" action={answerOnRequestAction} hidden={{ ...refOf(view), submissionKey: randomUUID() }} words={{
            label: tm("thread.answerLabel"), hint: tm("thread.answerHint"),
            filesLabel: tm("form.filesLabel"), filesHint: tm("form.filesHint"), filesAgain: tm("form.filesAgain"), send: tm("thread.answerSend"),
          }} />
        </Panel>
      ) : null}
      {mine && r.status === "waiting" ? (
        <Panel id="answer" title={t("detail.answerHeading")}>
          <StepForm name="answer-form" action={answerAction} hidden={refOf(view)} submit={t("detail.answerSend")} fields={[{ kind: "textarea", name: "note", label: t("detail.answerLabel") }]} />
        </Panel>
      ) : null}
      {r.disagreements.length ? <Statements r={r} t={t} locale={view.locale} mine={mine} /> : null}
      {mayDisagree ? uniqueEntries(r).map((e) => (
        <Panel key={e.entryId} id={`disagree-${e.entryId}`} title={t("detail.disagreeHeading")} hint={t("detail.disagreeHint")}>
          <StepForm name={`disagree-${e.entryId}`} action={disagreeAction} hidden={{ ...refOf(view), entryId: e.entryId }} submit={t("detail.disagreeSend")}
            fields={[{ kind: "textarea", name: "text", label: t("detail.disagreeLabel", { title: e.title }) }]} />
        </Panel>
      )) : null}
      {mine && open ? (
        <Panel id="withdraw" title={t("detail.withdraw")} hint={t("detail.withdrawHint")}>
          <StepForm name="withdraw-form" action={withdrawAction} hidden={refOf(view)} submit={t("detail.withdraw")} fields={[]} secondary />
        </Panel>
      ) : null}
    </>
  );
}

/** What staff can do: reply, ask a question, extend, decide (writing the corrected text), note who was told. */
export function StaffSteps({ view, t, tc, open }: Props & { tc: T }) {
  const r = view.request;
  const corrected = r.outcome === "corrected" || r.outcome === "partly_corrected";
  return (
    <>
      {r.status !== "withdrawn" ? (
        <Panel id="reply" title={t("staff.replyHeading")} hint={t("staff.replyHint")}>
          <StepForm name="reply-form" action={replyOnRequestAction} hidden={{ ...refOf(view), submissionKey: randomUUID() }} submit={t("staff.replySend")}
            fields={[{ kind: "textarea", name: "body", label: t("staff.replyLabel") }]} />
        </Panel>
      ) : null}
      {r.disagreements.length ? <Statements r={r} t={t} locale={view.locale} mine={false} /> : null}
      {open ? (
        <Panel id="decide" title={t("staff.decideHeading")} hint={t("staff.fixHint")}>
          <StepForm name="decide-form" action={decideAction} hidden={{ ...versioned(view), ...wasFields(r) }} submit={t("staff.decideSend")} fields={decisionFields(r, t)} />
        </Panel>
      ) : null}
      {open && r.status !== "waiting" ? (
        <Panel id="question" title={t("staff.questionHeading")}>
          <StepForm name="question-form" action={questionAction} hidden={versioned(view)} submit={t("staff.questionSend")} secondary fields={[{ kind: "textarea", name: "note", label: t("staff.questionLabel") }]} />
        </Panel>
      ) : null}
      {open ? (
        <Panel id="extend" title={t("staff.extendHeading")} hint={t("staff.extendHint")}>
          <StepForm name="extend-form" action={extendAction} hidden={versioned(view)} submit={t("staff.extendSend")} secondary fields={[
            { kind: "radios", name: "months", label: t("staff.months"), options: [1, 2].map((n) => ({ value: String(n), label: t("staff.month", { count: n }) })) },
            { kind: "textarea", name: "reason", label: t("staff.extendReason") },
          ]} />
        </Panel>
      ) : null}
      {corrected ? (
        <Panel id="tell" title={t("staff.tellHeading")} hint={r.sharedWith.length ? t("staff.tellHint") : t("staff.notShared")}>
          {r.sharedWith.length ? (
            <ul>{r.sharedWith.map((s, i) => <li key={i}><bdi dir="auto">{s.recipientName || tc(`recipients.${s.recipient}`)}</bdi> ({formatDate(s.sharedOn, view.locale)}, <bdi dir="auto">{s.purpose}</bdi>)</li>)}</ul>
          ) : null}
          <StepForm name="tell-form" action={toldAction} hidden={versioned(view)} submit={t("staff.tellSend")} secondary fields={[{ kind: "textarea", name: "note", label: t("staff.tellLabel") }]} />
        </Panel>
      ) : null}
    </>
  );
}

function Statements({ r, t, locale, mine }: { r: RequestDetail; t: T; locale: string; mine: boolean }) {
  return (
    <>
      {r.disagreements.map((d, i) => (
        <div key={i} className="disagreement stack">
          <p className="hint">{mine ? t("detail.yourView", { date: formatDate(d.createdAt, locale) }) : `${t("entry.disagreement", { name: r.requesterName })} (${formatDate(d.createdAt, locale)})`}</p>
          <p className="message-text" dir="auto">{d.text}</p>
        </div>
      ))}
    </>
  );
}

function uniqueEntries(r: RequestDetail) {
  return [...new Map(r.items.map((i) => [i.entryId, i])).values()];
}

// The parts the request is about (a whole entry: each of its parts), as they read now.
function partsToFix(r: RequestDetail) {
  const out = new Map<string, { entryId: string; title: string; position: number; text: string }>();
  for (const item of r.items) {
    for (const s of item.sections) {
      if (item.sectionPosition === null || item.sectionPosition === s.position) out.set(`${item.entryId}:${s.position}`, { entryId: item.entryId, title: item.title, position: s.position, text: s.text });
    }
  }
  return [...out.values()];
}

function wasFields(r: RequestDetail): Record<string, string> {
  return Object.fromEntries(partsToFix(r).map((p) => [`was:${p.entryId}:${p.position}`, p.text]));
}

function decisionFields(r: RequestDetail, t: T): Field[] {
  return [
    { kind: "radios", name: "outcome", label: t("staff.decideOutcome"), options: (["corrected", "partly_corrected", "not_corrected"] as const).map((o) => ({ value: o, label: t(`outcome.${o}`) })) },
    ...partsToFix(r).map((p): Field => ({ kind: "textarea", name: `fix:${p.entryId}:${p.position}`, label: t("staff.fixLabel", { title: p.title, n: p.position + 1 }), defaultValue: p.text, rows: 5 })),
    { kind: "textarea", name: "reason", label: t("staff.reason") },
  ];
}
