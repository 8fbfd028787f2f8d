"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { setupAction } from "@/lib/accounts/setup-actions";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/text-field";

// "Set up your account": username, the set-up code, and a new password twice. Works with
// JavaScript off (the server answers); the code and passwords are never put back after a refusal.
export function SetupForm() {
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("account");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setupAction, null);
  const error = (name: string) => state?.fieldErrors?.[name];
  return (
    <form action={formAction} className="stack" noValidate>
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <TextField id="username" name="username" label={t("setup.username")} dir="ltr" autoComplete="username" autoCapitalize="none" spellCheck={false}
        defaultValue={state?.values?.username ?? ""} error={error("username")} />
      <TextField id="code" name="code" label={t("setup.code")} hint={t("setup.codeHint")} dir="ltr" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false}
        error={error("code")} />
      <TextField id="newPassword" name="newPassword" type="password" label={ta("password.new")} hint={t("setup.passwordHint")} autoComplete="new-password"
        error={error("newPassword")} />
      <TextField id="confirmPassword" name="confirmPassword" type="password" label={ta("password.confirm")} autoComplete="new-password" error={error("confirmPassword")} />
      <button type="submit" className="button" disabled={pending}>{t("setup.submit")}</button>
    </form>
  );
}
