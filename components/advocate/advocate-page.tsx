import type { AdvocateView } from "@/lib/consent";
import type { loadAdvocacy } from "@/lib/consent/loaders";
import { chooseAdvocateAction, endAdvocateAction } from "@/lib/consent/actions";
import { formatDate, formatDay } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { ConfirmForm } from "../forms/confirm-form";
import { StepForm } from "../forms/step-form";
import { RecordNav } from "../records/record-nav";
import { Alert } from "../ui/alert";

type View = Awaited<ReturnType<typeof loadAdvocacy>>;
type T = Awaited<ReturnType<typeof getT>>;
export type AdvocateMode = "child" | "advocate" | "staff";

export const modeOf = (view: Pick<View, "actor" | "staff">): AdvocateMode => (view.staff ? "staff" : view.actor.role === "advocate" ? "advocate" : "child");

// "Your advocate": who speaks with the child now, what they can see and do, choosing one from the
// council's register and ending one, in the same few steps whoever does it.
export async function AdvocatePage({ view }: { view: View }) {
  const t = await getT("advocate");
  const { actor, record, advocacy } = view;
  const mode = modeOf(view);
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t(`title.${mode}`, { name: record.name })}</h1>
      {view.done ? <Alert kind="info">{t(`done.${view.done}`)}</Alert> : null}
      <p>{t(`intro.${mode}`, { name: record.name })}</p>
      <section className="stack" aria-labelledby="advocate-now">
        <h2 id="advocate-now">{t("current")}</h2>
        {advocacy.current.length === 0 ? <p>{t(`none.${mode}`)}</p> : (
          <ul className="entry-list">{advocacy.current.map((a) => <AdvocateCard key={a.grantId} advocate={a} view={view} mode={mode} t={t} />)}</ul>
        )}
      </section>
      {mode === "advocate" ? null : <ChooseForm view={view} mode={mode} t={t} />}
      {advocacy.past.length ? <Past past={advocacy.past} locale={view.locale} t={t} /> : null}
    </div>
  );
}

function AdvocateCard({ advocate: a, view, mode, t }: { advocate: AdvocateView; view: View; mode: AdvocateMode; t: T }) {
  const { record, locale } = view;
  const chosen = mode === "child" ? `card.chosenBy.${a.chosenBy}` : `card.chosenByStaff.${a.chosenBy}`;
  return (
    <li className="entry-card stack">
      <h3>{a.organisation ? t("choose.option", { name: a.name, organisation: a.organisation }) : a.name}</h3>
      <p>{t("card.since", { date: formatDate(a.since, locale) })}. {a.endsOn ? t("card.endsOn", { date: formatDay(a.endsOn, locale) }) : t("card.noEnd")}</p>
      <p>{t(chosen, { by: a.chosenByName ?? "" })}</p>
      <CanSeeAndDo name={a.name} t={t} />
      {mode === "advocate" ? null : (
        <ConfirmForm action={endAdvocateAction} hidden={{ childId: record.id, grantId: a.grantId }} confirmPath={paths.advocateEndConfirm(record.id)} words={endWords(a.name, t)} />
      )}
    </li>
  );
}

export function endWords(name: string, t: T) {
  return {
    button: t("end.button", { name }),
    confirmTitle: t("end.confirmTitle", { name }),
    confirmText: t("end.confirmText", { name }),
    yes: t("end.yes"),
    cancel: t("end.cancel"),
  };
}

function CanSeeAndDo({ name, t }: { name: string; t: T }) {
  return (
    <details>
      <summary>{t("can.heading", { name })}</summary>
      <ul>
        {(["see", "log", "write", "correct", "notPrivate", "notConsent"] as const).map((k) => <li key={k}>{t(`can.${k}`, { name })}</li>)}
      </ul>
    </details>
  );
}

function ChooseForm({ view, mode, t }: { view: View; mode: "child" | "staff"; t: T }) {
  const { record, advocacy } = view;
  return (
    <section className="panel stack" aria-labelledby="advocate-choose">
      <h2 id="advocate-choose">{t(`choose.heading.${mode}`)}</h2>
      {advocacy.register.length === 0 ? <p>{t(advocacy.registered > 0 ? `choose.allChosen.${mode}` : `choose.empty.${mode}`)}</p> : (
        <>
          <p>{t(`choose.hint.${mode}`)}</p>
          <StepForm name="advocate-choose" action={chooseAdvocateAction} hidden={{ childId: record.id }} submit={t(`choose.submit.${mode}`)}
            fields={[
              { kind: "radios", name: "advocateId", label: t("choose.advocate"), options: advocacy.register.map((r) => ({ value: r.id, label: t("choose.option", { name: r.name, organisation: r.organisation }) })) },
              { kind: "date", name: "endsOn", label: t("choose.endsOn") },
            ]} />
        </>
      )}
    </section>
  );
}

function Past({ past, locale, t }: { past: AdvocateView[]; locale: string; t: T }) {
  return (
    <section className="stack" aria-labelledby="advocate-past">
      <h2 id="advocate-past">{t("past.heading")}</h2>
      <ul>
        {past.map((a) => (
          <li key={a.grantId}>
            {t("past.line", { name: a.name, from: formatDate(a.since, locale), to: formatDate(a.endedAt!, locale) })} ({t(`past.how.${a.endedBy}`)})
          </li>
        ))}
      </ul>
    </section>
  );
}
