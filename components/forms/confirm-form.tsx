"use client";
import { startTransition, useActionState, useRef, useState, type ReactNode } from "react";
import type { ActionState, FormAction } from "@/lib/action/state";
import { formatDay } from "@/lib/i18n/format";
import { realDay } from "@/lib/calendar/civil-date";
import { DATE_TOKEN } from "./date-token";
import { Alert } from "../ui/alert";
import { Dialog } from "../ui/dialog";

export type ConfirmWords = { button: string; confirmTitle: string; confirmText: string; yes: string; cancel: string };

type Props = {
  action: FormAction;
  hidden: Record<string, string>;
  /** Where the form goes with JavaScript off: a page that says the same as the dialog and posts. */
  confirmPath: string;
  words: ConfirmWords;
  /** Extra fields (an optional date, say), sent with the change. */
  children?: ReactNode;
  /**
   * When the date field `field` is filled in, the dialog says `text` instead of the usual words,
   * with the day (in `locale`) in place of DATE_TOKEN, so what is confirmed is what was chosen.
   */
  dated?: { field: string; text: string; locale: string };
};

// A change people should see before it happens: press, read what will change, confirm. With
// JavaScript the confirmation is a Radix dialog; without it the form goes (GET) to a confirmation
// page that says the same and posts the change.
export function ConfirmForm({ action, hidden, confirmPath, words, children, dated }: Props) {
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState(words.confirmText);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const form = useRef<HTMLFormElement>(null);
  const confirm = () => {
    const data = new FormData(form.current ?? undefined);
    setOpen(false);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={form} method="get" action={confirmPath} className="stack confirm-form" onSubmit={(e) => { e.preventDefault(); setDescription(describe(words.confirmText, dated, form.current)); setOpen(true); }}>
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <button type="submit" className="button button-secondary" disabled={pending}>{words.button}</button>
      <Dialog open={open} onOpenChange={setOpen} title={words.confirmTitle} description={description}>
        <button type="button" className="button" onClick={confirm}>{words.yes}</button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>{words.cancel}</button>
      </Dialog>
    </form>
  );
}

function describe(plain: string, dated: Props["dated"], form: HTMLFormElement | null): string {
  const day = dated && form ? realDay(new FormData(form).get(dated.field)) : null;
  if (!dated || !day) return plain;
  return dated.text.replace(DATE_TOKEN, formatDay(day, dated.locale));
}
