"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { issueSetupCodeAction } from "@/lib/admin/actions";
import { Alert } from "../ui/alert";
import { SetupCodePanel } from "./setup-code-panel";

// "Make a set-up code": for a new person, or someone who forgot their password. The code shows
// once, here; a newer code replaces any earlier one.
export function IssueCodeForm({ userId }: { userId: string }) {
  const { t } = useTranslation("admin");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(issueSetupCodeAction, null);
  if (state?.ok && state.message) return <SetupCodePanel code={state.message} expiresAt={state.values?.expiresAt ?? ""} userId={userId} />;
  return (
    <form action={formAction} className="stack">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button" disabled={pending}>{t("account.makeCode")}</button>
    </form>
  );
}
