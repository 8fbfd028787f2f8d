"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { setUpSecondFactorAction, useRecoveryCodeAction, verifySecondFactorAction } from "@/lib/auth/second-factor-actions";
import { recoveryCodeSchema, secondFactorCodeSchema, setUpCodeSchema } from "@/lib/auth/second-factor-form";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/text-field";

const KINDS = {
  code: { action: verifySecondFactorAction, schema: secondFactorCodeSchema, label: "code.label", hint: "code.hint", submit: "code.submit" },
  "set-up": { action: setUpSecondFactorAction, schema: setUpCodeSchema, label: "code.label", hint: "code.hint", submit: "setUp.submit" },
  recovery: { action: useRecoveryCodeAction, schema: recoveryCodeSchema, label: "recovery.label", hint: "recovery.hint", submit: "code.submit" },
} as const;

type Form = { code: string; trust?: boolean };

// One code box: the app's code at sign-in (with "trust this browser"), at set-up, or a recovery
// code. Checked in the browser with the server's schema; with JavaScript off the form posts to
// the server action and its answer is rendered. A code is never put back after a refusal.
export function CodeForm({ kind }: { kind: keyof typeof KINDS }) {
  const { t } = useTranslation("security");
  const spec = KINDS[kind];
  const [state, formAction, pending] = useActionState<ActionState, FormData>(spec.action, null);
  const form = useForm<Form>({ resolver: zodResolver(spec.schema as typeof secondFactorCodeSchema) as never });
  const clientMessage = form.formState.errors.code?.message; // a translation key from the shared schema
  const error = clientMessage ? t(clientMessage) : state?.fieldErrors?.code;
  const onSubmit = form.handleSubmit((_data, event) => {
    const data = new FormData(event?.target as HTMLFormElement);
    startTransition(() => formAction(data));
  });
  const digits = kind !== "recovery";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack">
      {state?.formError && !state.fieldErrors?.code ? <Alert kind="error">{state.formError}</Alert> : null}
      <TextField id="code" label={t(spec.label)} hint={t(spec.hint)} error={error} autoComplete="one-time-code" autoCapitalize="none"
        spellCheck={false} inputMode={digits ? "numeric" : "text"} className={digits ? "input-code" : undefined} {...form.register("code")} />
      {kind === "code" ? (
        <div className="choice">
          <input type="checkbox" id="trust" value="yes" aria-describedby="trust-hint" {...form.register("trust")} />
          <label htmlFor="trust">{t("code.trust")}</label>
          <p id="trust-hint" className="hint">{t("code.trustHint")}</p>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t(spec.submit)}
      </button>
    </form>
  );
}
