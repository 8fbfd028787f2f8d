"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, type ReactNode } from "react";
import { useForm, type FieldErrors, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionState, FormAction } from "@/lib/action/state";
import { Alert } from "../ui/alert";

type Schema = z.ZodType<FieldValues, FieldValues>;
type Name<S extends Schema> = Path<z.input<S>>;

/**
 * A form checked in the browser with its server action's own zod schema (whose messages are
 * translation keys, put through `t`). With JavaScript off the form posts straight to the action
 * and the server's answer is rendered instead. Secrets are never put back after a refusal: a
 * field only shows again what the form passes it from `state.values`.
 */
export function useCheckedForm<S extends Schema>(action: FormAction, schema: S, t: (key: string) => string) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  // No defaultValues: react-hook-form then reads what is already in the inputs when it attaches,
  // so what someone typed before the page's JavaScript arrived (a slow phone) is kept, not wiped.
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema) });
  const errors: FieldErrors<FieldValues> = form.formState.errors;
  /** The browser's check first (a translation key from the shared schema), else the server's message. */
  const fieldError = (name: Name<S>) => {
    const clientMessage = errors[name]?.message;
    return typeof clientMessage === "string" && clientMessage ? t(clientMessage) : state?.fieldErrors?.[name];
  };
  /** What a TextField needs for one field: its id (the field's name), its error, and the form's hold on it. */
  const field = (name: Name<S>) => ({ id: name, error: fieldError(name), ...form.register(name) });
  const onSubmit = form.handleSubmit((_data, event) => {
    const data = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(data));
  });
  return { state, pending, field, fieldError, register: form.register, formProps: { action: formAction, onSubmit, noValidate: true } };
}

/** What the form around the fields needs of useCheckedForm's answer. */
type Shell = Pick<ReturnType<typeof useCheckedForm>, "state" | "pending" | "formProps">;

/** The form around the fields: the server's message for the whole form above them, the one button below. */
export function CheckedForm({ form, submit, children }: { form: Shell; submit: string; children: ReactNode }) {
  return (
    <form {...form.formProps} className="stack">
      {form.state?.formError ? <Alert kind="error">{form.state.formError}</Alert> : null}
      {children}
      <button type="submit" className="button" disabled={form.pending}>
        {submit}
      </button>
    </form>
  );
}
