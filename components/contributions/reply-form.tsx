"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { replyAction } from "@/lib/contributions/actions";
import { Alert } from "../ui/alert";

// A reply keeps what was typed when it is refused, with JavaScript on or off.
export function ReplyForm({ childId, contributionId }: { childId: string; contributionId: string }) {
  const { t } = useTranslation("contributions");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(replyAction, null);
  const error = state?.fieldErrors?.body;
  return (
    <form action={formAction} className="stack">
      {state?.formError && !error ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="childId" value={childId} />
      <input type="hidden" name="contributionId" value={contributionId} />
      <div className={error ? "field field-error" : "field"}>
        <label htmlFor="reply">{t("staff.replyLabel")}</label>
        {error ? <p id="reply-error" className="error-message">{error}</p> : null}
        <textarea id="reply" name="body" rows={5} dir="auto" defaultValue={state?.values?.body} aria-invalid={error ? true : undefined} aria-describedby={error ? "reply-error" : undefined} />
      </div>
      <button type="submit" className="button" disabled={pending}>{t("staff.replySend")}</button>
    </form>
  );
}
