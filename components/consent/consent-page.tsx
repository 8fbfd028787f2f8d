import Link from "next/link";
import type { ConsentView } from "@/lib/consent";
import type { loadConsent } from "@/lib/consent/loaders";
import { addTopicAction, competenceAction } from "@/lib/consent/actions";
import { RECIPIENTS } from "@/lib/consent/form";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { RecordNav } from "../records/record-nav";
import { Alert } from "../ui/alert";
import { StepForm } from "../forms/step-form";
import { DATE_TOKEN } from "../forms/date-token";
import { ConsentChoiceForm } from "./choice-form";

type View = Awaited<ReturnType<typeof loadConsent>>;
type T = Awaited<ReturnType<typeof getT>>;
type Topic = ConsentView["topics"][number];

// "Who can see my information": who decides, then each recipient and purpose with the current
// choice, who made it and when, and (for whoever decides) giving or withdrawing, equally prominent.
export async function ConsentPage({ view }: { view: View }) {
  const t = await getT("consent");
  const { actor, reader, record, locale, consent } = view;
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t(`page.title.${reader}`, { name: record.name })}</h1>
      {view.done ? <Alert kind="info">{t(`page.done.${view.done}`)}</Alert> : null}
      <p>{t(`page.intro.${reader}`, { name: record.name })}</p>
      <p><Link href={paths.sharingLog(record.id)} prefetch={false}>{t("log.title")}</Link></p>
      {view.staff ? <p><Link href={paths.newShare(record.id)} prefetch={false}>{t("share.link")}</Link></p> : null}
      <WhoDecides consent={consent} t={t} locale={locale} name={record.name} you={view.mayDecide} />
      {consent.topics.length === 0 ? <p>{t("page.none")}</p> : (
        <ul className="entry-list">
          {consent.topics.map((topic) => <TopicCard key={topic.id} topic={topic} view={view} t={t} />)}
        </ul>
      )}
      {view.staff ? <StaffForms view={view} t={t} /> : null}
    </div>
  );
}

function WhoDecides({ consent, t, locale, name, you }: { consent: ConsentView; t: T; locale: string; name: string; you: boolean }) {
  const d = consent.deciders;
  // A child who decides and reads this is "you", and the only one who decides.
  const childReads = d.decider === "child" && you;
  const text = d.decider === "child" && d.competence
    ? t(childReads ? "who.childYou" : "who.child", { name, date: formatDate(d.competence.assessedOn, locale) })
    : d.names.length ? t("who.parents", { names: d.names.join(", ") }) : t("who.nobody");
  return (
    <section className="panel stack" aria-labelledby="who-decides">
      <h2 id="who-decides">{t("who.heading")}</h2>
      <p>{text}</p>
      {you && !childReads ? <p><strong>{t("who.you")}</strong></p> : null}
    </section>
  );
}

function TopicCard({ topic, view, t }: { topic: Topic; view: View; t: T }) {
  const { record, locale } = view;
  const recipient = topic.recipientName || t(`recipients.${topic.recipient}`);
  const state = !topic.current ? "notAsked" : topic.expired ? "expired" : topic.current.choice;
  const words = (choice: "given" | "withdrawn") => ({
    button: t(choice === "given" ? "decide.give" : "decide.withdraw"),
    confirmTitle: t("decide.confirmTitle"),
    confirmText: t(choice === "given" ? "decide.confirmGive" : "decide.confirmWithdraw", { recipient, purpose: topic.purpose }),
    yes: t(choice === "given" ? "decide.yesGive" : "decide.yesWithdraw"),
    cancel: t("decide.cancel"),
    expiresLabel: choice === "given" ? t("decide.expiresOn") : undefined,
    confirmUntil: choice === "given" ? t("decide.confirmGiveUntil", { recipient, purpose: topic.purpose, date: DATE_TOKEN }) : undefined,
  });
  return (
    <li className="entry-card">
      <h2 className="entry-title"><bdi dir="auto">{recipient}</bdi></h2>
      <p>{t("topic.for", { purpose: topic.purpose })}</p>
      <p className="entry-meta">
        <strong className={state === "given" ? "tag tag-done" : "tag tag-muted"}>{t(`topic.${state}`)}</strong>
        {topic.current?.expiresOn ? <span>{t("topic.until", { date: formatDay(topic.current.expiresOn, locale) })}</span> : null}
      </p>
      {topic.current ? <p>{t("topic.by", { name: topic.current.by, date: formatDate(topic.current.decidedAt, locale) })} ({t(`topic.basis.${topic.current.basis}`)})</p> : null}
      {view.mayDecide ? (
        <div className="button-row">
          {(["given", "withdrawn"] as const).map((choice) => (
            <ConsentChoiceForm key={choice} childId={record.id} topicId={topic.id} choice={choice} confirmPath={paths.consentConfirm(record.id)} locale={locale} words={words(choice)} />
          ))}
        </div>
      ) : null}
      {topic.history.length > 1 ? (
        <details>
          <summary>{t("topic.history")}</summary>
          <ul>{topic.history.slice(1).map((h) => <li key={h.id}>{t("topic.historyLine", { choice: t(`topic.${h.choice}`), name: h.by, date: formatDate(h.decidedAt, locale) })}</li>)}</ul>
        </details>
      ) : null}
    </li>
  );
}

function StaffForms({ view, t }: { view: View; t: T }) {
  const childId = view.record.id;
  return (
    <>
      <section className="panel stack" aria-labelledby="competence">
        <h2 id="competence">{t("staff.competenceHeading")}</h2>
        <p>{t("staff.competenceHint")}</p>
        <StepForm name="competence-form" action={competenceAction} hidden={{ childId }} submit={t("staff.saveCompetence")} fields={[
          { kind: "radios", name: "canDecide", label: t("staff.competenceHeading"), options: [{ value: "yes", label: t("staff.canDecideYes") }, { value: "no", label: t("staff.canDecideNo") }] },
          { kind: "textarea", name: "note", label: t("staff.note") },
          { kind: "date", name: "assessedOn", label: t("staff.assessedOn") },
        ]} />
      </section>
      <section className="panel stack" aria-labelledby="add-topic">
        <h2 id="add-topic">{t("staff.topicHeading")}</h2>
        <StepForm name="topic-form" action={addTopicAction} hidden={{ childId }} submit={t("staff.addTopic")} secondary fields={[
          { kind: "select", name: "recipient", label: t("staff.recipient"), options: RECIPIENTS.map((r) => ({ value: r, label: t(`recipients.${r}`) })) },
          { kind: "text", name: "recipientName", label: t("staff.recipientName") },
          { kind: "text", name: "purpose", label: t("staff.purpose") },
        ]} />
      </section>
    </>
  );
}
