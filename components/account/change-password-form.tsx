"use client";
import { useTranslation } from "react-i18next";
import { changePasswordAction } from "@/lib/auth/password-actions";
import { changePasswordSchema } from "@/lib/auth/change-password-form";
import { CheckedForm, useCheckedForm } from "../forms/checked-form";
import { TextField } from "../ui/text-field";

// "Change your password". Passwords are never put back into the form after a refusal.
export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { t } = useTranslation("account");
  const form = useCheckedForm(changePasswordAction, changePasswordSchema, t);
  return (
    <CheckedForm form={form} submit={t("password.submit")}>
      <TextField label={t("password.current")} type="password" autoComplete="current-password" {...form.field("currentPassword")} />
      <TextField label={t("password.new")} hint={t("password.newHint", { count: minLength })} type="password" autoComplete="new-password"
        {...form.field("newPassword")} />
      <TextField label={t("password.confirm")} type="password" autoComplete="new-password" {...form.field("confirmPassword")} />
    </CheckedForm>
  );
}
