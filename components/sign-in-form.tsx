"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/sign-in-form";
import { Alert } from "./ui/alert";
import { TextField } from "./ui/text-field";

// Validates in the browser with the server's own schema; with JavaScript off the form posts
// straight to the server action and the server's answer is rendered instead.
export function SignInForm() {
  const { t } = useTranslation("auth");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(signInAction, null);
  // No defaultValues: react-hook-form then reads what is already in the inputs when it attaches,
  // so what someone typed before the page's JavaScript arrived (a slow phone) is kept, not wiped.
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
  const errors = form.formState.errors;
  const fieldError = (name: keyof SignInInput) => {
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
      <TextField id="username" label={t("signIn.username")} autoComplete="username" autoCapitalize="none"
        spellCheck={false} error={fieldError("username")} defaultValue={state?.values?.username} {...form.register("username")} />
      <TextField id="password" label={t("signIn.password")} type="password" autoComplete="current-password"
        error={fieldError("password")} {...form.register("password")} />
      <button type="submit" className="button" disabled={pending}>
        {t("signIn.submit")}
      </button>
    </form>
  );
}
