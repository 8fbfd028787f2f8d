import type { loadAdvocates } from "@/lib/admin/loaders";
import { endRegistrationAction, registerAdvocateAction } from "@/lib/admin/actions";
import { formatDate, isolate } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { StepForm } from "../forms/step-form";
import { Alert } from "../ui/alert";
import { AdminNav } from "./admin-nav";

type View = Awaited<ReturnType<typeof loadAdvocates>>;

// The council's register of advocates children may choose from: register an advocate account,
// or end a registration (kept, with the day it ended).
export async function AdvocatesPage({ view }: { view: View }) {
  const [t, locale] = await Promise.all([getT("admin"), getLocale()]);
  const { registered, unregistered } = view.register;
  const ended = registered.filter((r) => r.endedAt);
  const choices = [...unregistered, ...ended].map((a) => ({ value: a.userId, label: t("advocates.option", { name: isolate(a.name), username: isolate(a.username) }) }));
  return (
    <div className="stack">
      <AdminNav current="advocates" />
      <h1>{t("advocates.title")}</h1>
      <p>{t("advocates.intro")}</p>
      {view.done === "registered" || view.done === "ended" ? <Alert kind="info">{t(`advocates.done.${view.done}`)}</Alert> : null}
      <h2>{t("advocates.registered")}</h2>
      {registered.length === 0 ? <p>{t("advocates.none")}</p> : (
        <ul className="card-list">
          {registered.map((r) => (
            <li key={r.userId} className="card stack">
              <p className="card-title"><bdi dir="auto">{r.name}</bdi> (<bdi dir="ltr">{r.username}</bdi>)</p>
              <p><bdi dir="auto">{r.organisation}</bdi></p>
              <p className="hint">{r.endedAt ? t("advocates.endedOn", { date: formatDate(r.endedAt, locale) }) : t("advocates.since", { date: formatDate(r.registeredAt, locale) })}</p>
              {r.endedAt ? null : <StepForm name={`end-${r.userId}`} action={endRegistrationAction} hidden={{ userId: r.userId }} fields={[]} submit={t("advocates.end", { name: r.name })} secondary />}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("advocates.registerTitle")}</h2>
      {choices.length === 0 ? <p>{t("advocates.noneToRegister")}</p> : (
        <StepForm name="register" action={registerAdvocateAction} hidden={{}} submit={t("advocates.register")}
          fields={[
            { kind: "select", name: "userId", label: t("advocates.account"), options: [{ value: "", label: t("create.pick") }, ...choices] },
            { kind: "text", name: "organisation", label: t("advocates.organisation"), hint: t("advocates.organisationHint") },
          ]} />
      )}
    </div>
  );
}
