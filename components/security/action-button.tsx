"use client";
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/action/state";
import { Alert } from "../ui/alert";

// A button that posts one server action (with hidden fields), with or without JavaScript; the
// page around it is the explanation and confirmation.
export function ActionButton({ action, hidden = {}, label, secondary }: { action: FormAction; hidden?: Record<string, string>; label: string; secondary?: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <form action={formAction} className="stack">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className={secondary ? "button button-secondary" : "button"} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
