"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { changePasswordAction } from "@/lib/auth/password-actions";
import { changePasswordSchema, type ChangePasswordForm as Form } from "@/lib/auth/change-password-form";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/text-field";

// "Change your password". Checked in the browser with the server's own schema; with JavaScript
// off the form posts straight to the server action and the server's answer is rendered instead.
// Passwords are never put back into the form after a refusal.
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { t } = useTranslation("account");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  const form = useForm<Form>({ resolver: zodResolver(changePasswordSchema) });
  const errors = form.formState.errors;
  const fieldError = (name: keyof Form) => {
    const clientMessage = errors[name]?.message; // a translation key from the shared schema
    return clientMessage ? t(clientMessage) : state?.fieldErrors?.[name];
  };
  const onSubmit = form.handleSubmit((_data, event) => {
    const data = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(data));
  });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <TextField id="currentPassword" label={t("password.current")} type="password" autoComplete="current-password"
        error={fieldError("currentPassword")} {...form.register("currentPassword")} />
      <TextField id="newPassword" label={t("password.new")} hint={t("password.newHint", { count: minLength })} type="password"
        autoComplete="new-password" error={fieldError("newPassword")} {...form.register("newPassword")} />
      <TextField id="confirmPassword" label={t("password.confirm")} type="password" autoComplete="new-password"
        error={fieldError("confirmPassword")} {...form.register("confirmPassword")} />
      <button type="submit" className="button" disabled={pending}>
        {t("password.submit")}
      </button>
    </form>
  );
}
