"use client";
import { startTransition, useActionState, useRef, useState } from "react";
import type { ActionState } from "@/lib/action/state";
import { decideConsentAction } from "@/lib/consent/actions";
import { Alert } from "../ui/alert";
import { Dialog } from "../ui/dialog";

type Words = { button: string; confirmTitle: string; confirmText: string; yes: string; cancel: string; expiresLabel?: string };
type Props = { childId: string; topicId: string; choice: "given" | "withdrawn"; confirmPath: string; words: Words };

// Giving and withdrawing look the same and take the same steps: press, read what will change,
// confirm. With JavaScript the confirmation is a Radix dialog; without it the form goes to a
// confirmation page that says the same and posts the change.
export function ConsentChoiceForm({ childId, topicId, choice, confirmPath, words }: Props) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(decideConsentAction, null);
  const form = useRef<HTMLFormElement>(null);
  const confirm = () => {
    const data = new FormData(form.current ?? undefined);
    data.set("childId", childId);
    data.set("topicId", topicId);
    data.set("choice", choice);
    setOpen(false);
    startTransition(() => formAction(data));
  };
  const id = `${topicId}-${choice}`;
  return (
    <form ref={form} method="get" action={confirmPath} className="stack consent-choice" onSubmit={(e) => { e.preventDefault(); setOpen(true); }}>
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="topic" value={topicId} />
      <input type="hidden" name="choice" value={choice} />
      {words.expiresLabel ? (
        <div className="field">
          <label htmlFor={`expires-${id}`}>{words.expiresLabel}</label>
          <input type="date" id={`expires-${id}`} name="expiresOn" />
        </div>
      ) : null}
      <button type="submit" className="button button-secondary" disabled={pending}>{words.button}</button>
      <Dialog open={open} onOpenChange={setOpen} title={words.confirmTitle} description={words.confirmText}>
        <button type="button" className="button" onClick={confirm}>{words.yes}</button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>{words.cancel}</button>
      </Dialog>
    </form>
  );
}
