"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ActionState, FormAction } from "@/lib/action/state";
import { answerText, type AnswerText } from "@/lib/contributions/form";
import { Alert } from "../ui/alert";

export type AnswerWords = { label: string; hint: string; filesLabel: string; filesHint: string; filesAgain: string; send: string };

type Props = {
  /** Unique on the page: field ids start with it. */
  name: string;
  action: FormAction;
  /** The item's ids and the form's one-time key. */
  hidden: Record<string, string>;
  words: AnswerWords;
};

// An answer in a conversation (a contribution or a correction request): words, files or both.
// Checked in the browser with the server's own schema; with JavaScript off it posts straight to
// the server action (files included) and the server's answer is rendered instead. A refusal keeps
// the words (files must be chosen again: browsers never refill a file input).
export function AnswerForm({ name, action, hidden, words }: Props) {
  const { t } = useTranslation("contributions");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const form = useForm<AnswerText>({ resolver: zodResolver(answerText) as never });
  const checked = form.formState.errors.body?.message;
  const bodyError = checked ? t(checked.replace("contributions:", "")) : state?.fieldErrors?.body;
  const filesError = state?.fieldErrors?.files;
  const onSubmit = form.handleSubmit((_data, event) => {
    const data = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(data));
  });
  const id = (field: string) => `${name}-${field}`;
  const describedBy = (field: string, error: string | undefined) => [id(`${field}-hint`), error ? id(`${field}-error`) : ""].filter(Boolean).join(" ");
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack answer-form" encType="multipart/form-data">
      {state?.formError && !bodyError && !filesError ? <Alert kind="error">{state.formError}</Alert> : null}
      {Object.entries(hidden).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />)}
      <div className={bodyError ? "field field-error" : "field"}>
        <label htmlFor={id("body")}>{words.label}</label>
        <p id={id("body-hint")} className="hint">{words.hint}</p>
        {bodyError ? <p id={id("body-error")} className="error-message">{bodyError}</p> : null}
        <textarea id={id("body")} rows={5} dir="auto" defaultValue={state?.values?.body ?? ""} aria-invalid={bodyError ? true : undefined}
          aria-describedby={describedBy("body", bodyError)} {...form.register("body")} />
      </div>
      <div className={filesError ? "field field-error" : "field"}>
        <label htmlFor={id("files")}>{words.filesLabel}</label>
        <p id={id("files-hint")} className="hint">{words.filesHint}{state?.ok === false ? ` ${words.filesAgain}` : ""}</p>
        {filesError ? <p id={id("files-error")} className="error-message">{filesError}</p> : null}
        <input type="file" id={id("files")} name="files" multiple accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,image/heif,.heic,.heif"
          aria-invalid={filesError ? true : undefined} aria-describedby={describedBy("files", filesError)} />
      </div>
      <button type="submit" className="button" disabled={pending}>{words.send}</button>
    </form>
  );
}
