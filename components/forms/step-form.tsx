"use client";
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/action/state";
import { Alert } from "../ui/alert";

export type Field =
  | { kind: "textarea"; name: string; label: string; hint?: string; defaultValue?: string; rows?: number }
  | { kind: "radios"; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }
  | { kind: "text" | "date"; name: string; label: string; hint?: string; defaultValue?: string }
  /** Never echoed back after a refusal (the action keeps no password). */
  | { kind: "password"; name: string; label: string; hint?: string; autoComplete: "current-password" };

type Props = {
  /** Unique on the page: field ids start with it, so two forms' fields never share an id. */
  name: string;
  action: FormAction;
  hidden: Record<string, string>;
  fields: Field[];
  submit: string;
  secondary?: boolean;
};

// One step on a correction request (a question, an answer, an extension, a decision...). With
// JavaScript on or off, a refusal comes back with its message and what was typed kept.
export function StepForm({ name, action, hidden, fields, submit, secondary }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const value = (f: Field) => state?.values?.[f.name] ?? ("defaultValue" in f ? f.defaultValue : undefined) ?? "";
  const error = (name: string) => state?.fieldErrors?.[name];
  return (
    <form action={formAction} className="stack">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      {Object.entries(hidden).map(([name, v]) => <input key={name} type="hidden" name={name} value={v} />)}
      {fields.map((f) => {
        const id = `${name}-${f.name.replace(/[^a-z0-9-]/gi, "-")}`;
        if (f.kind === "radios") {
          return (
            <fieldset key={f.name} className={error(f.name) ? "field field-error choices" : "field choices"}>
              <legend>{f.label}</legend>
              {error(f.name) ? <p className="error-message">{error(f.name)}</p> : null}
              {f.options.map((o) => (
                <div key={o.value} className="choice">
                  <input type="radio" id={`${id}-${o.value}`} name={f.name} value={o.value} defaultChecked={value(f) === o.value} />
                  <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
                </div>
              ))}
            </fieldset>
          );
        }
        const hint = "hint" in f ? f.hint : undefined;
        const described = [hint ? `${id}-hint` : "", error(f.name) ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name} className={error(f.name) ? "field field-error" : "field"}>
            <label htmlFor={id}>{f.label}</label>
            {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
            {error(f.name) ? <p id={`${id}-error`} className="error-message">{error(f.name)}</p> : null}
            {f.kind === "textarea" ? (
              <textarea id={id} name={f.name} rows={f.rows ?? 4} dir="auto" defaultValue={value(f)} aria-invalid={error(f.name) ? true : undefined} aria-describedby={described} />
            ) : f.kind === "select" ? (
              <select id={id} name={f.name} defaultValue={value(f)} aria-invalid={error(f.name) ? true : undefined} aria-describedby={described}>
                {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input id={id} name={f.name} type={f.kind} dir="auto" defaultValue={f.kind === "password" ? undefined : value(f)} autoComplete={f.kind === "password" ? f.autoComplete : undefined} aria-invalid={error(f.name) ? true : undefined} aria-describedby={described} />
            )}
          </div>
        );
      })}
      <button type="submit" className={secondary ? "button button-secondary" : "button"} disabled={pending}>{submit}</button>
    </form>
  );
}
