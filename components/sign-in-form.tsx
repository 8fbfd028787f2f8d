"use client";
import { useTranslation } from "react-i18next";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema } from "@/lib/auth/sign-in-form";
import { CheckedForm, useCheckedForm } from "./forms/checked-form";
import { TextField } from "./ui/text-field";

// The username is put back after a refusal; the password never is.
export function SignInForm() {
  const { t } = useTranslation("auth");
  const form = useCheckedForm(signInAction, signInSchema, t);
  return (
    <CheckedForm form={form} submit={t("signIn.submit")}>
      <TextField label={t("signIn.username")} autoComplete="username" autoCapitalize="none" spellCheck={false}
        defaultValue={form.state?.values?.username} {...form.field("username")} />
      <TextField label={t("signIn.password")} type="password" autoComplete="current-password" {...form.field("password")} />
    </CheckedForm>
  );
}
