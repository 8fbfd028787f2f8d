"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { createAccountAction } from "@/lib/admin/actions";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/text-field";
import { SetupCodePanel } from "./setup-code-panel";

type Person = { id: string; name: string; relationship: string };
type Props = { role: string; childId?: string; people?: Person[]; teams?: string[] };

// The last step of "Create an account": which person (for a parent, carer or advocate), the
// username and name. No password: the account gets a set-up code, shown here once.
export function CreateAccountForm({ role, childId, people, teams }: Props) {
  const { t } = useTranslation("admin");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(createAccountAction, null);
  if (state?.ok && state.message && state.values) {
    return <SetupCodePanel code={state.message} expiresAt={state.values.expiresAt!} userId={state.values.userId!} created />;
  }
  const value = (name: string) => state?.values?.[name] ?? "";
  const error = (name: string) => state?.fieldErrors?.[name];
  return (
    <form action={formAction} className="stack" noValidate>
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="role" value={role} />
      {childId ? <input type="hidden" name="childId" value={childId} /> : null}
      {people ? (
        <fieldset className={error("personId") ? "field field-error choices" : "field choices"}>
          <legend>{t("create.person")}</legend>
          {error("personId") ? <p className="error-message">{error("personId")}</p> : null}
          {people.length === 0 ? <p>{t("create.noPeople")}</p> : null}
          {people.map((p) => (
            <div key={p.id} className="choice">
              <input type="radio" id={`person-${p.id}`} name="personId" value={p.id} defaultChecked={value("personId") === p.id} />
              <label htmlFor={`person-${p.id}`}><bdi dir="auto">{p.name}</bdi> ({t(`relationship.${p.relationship}`)})</label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <TextField id="username" name="username" label={t("create.username")} hint={t("create.usernameHint")} dir="ltr" autoComplete="off"
        defaultValue={value("username")} error={error("username")} />
      <TextField id="displayName" name="displayName" label={t("create.displayName")} hint={t("create.displayNameHint")} dir="auto" autoComplete="off"
        defaultValue={value("displayName")} error={error("displayName")} />
      {teams ? (
        <>
          <TextField id="team" name="team" label={t("create.team")} hint={teams.length ? t("create.teamHint", { teams: teams.join(", ") }) : undefined}
            list="team-names" dir="auto" autoComplete="off" defaultValue={value("team")} error={error("team")} />
          <datalist id="team-names">{teams.map((name) => <option key={name} value={name} />)}</datalist>
        </>
      ) : null}
      <TextField id="email" name="email" type="email" label={t("create.email")} hint={t("create.emailHint")} dir="ltr" autoComplete="off"
        defaultValue={value("email")} error={error("email")} />
      <button type="submit" className="button" disabled={pending}>{t("create.submit")}</button>
    </form>
  );
}
