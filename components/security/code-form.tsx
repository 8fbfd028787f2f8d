"use client";
import { useTranslation } from "react-i18next";
import { setUpSecondFactorAction, useRecoveryCodeAction, verifySecondFactorAction } from "@/lib/auth/second-factor-actions";
import { recoveryCodeSchema, secondFactorCodeSchema, setUpCodeSchema } from "@/lib/auth/second-factor-form";
import { useCheckedForm } from "../forms/checked-form";
import { Alert } from "../ui/alert";
import { TextField } from "../ui/text-field";

const KINDS = {
  code: { action: verifySecondFactorAction, schema: secondFactorCodeSchema, label: "code.label", hint: "code.hint", submit: "code.submit" },
  "set-up": { action: setUpSecondFactorAction, schema: setUpCodeSchema, label: "code.label", hint: "code.hint", submit: "setUp.submit" },
  recovery: { action: useRecoveryCodeAction, schema: recoveryCodeSchema, label: "recovery.label", hint: "recovery.hint", submit: "code.submit" },
} as const;

// One code box: the app's code at sign-in (with "trust this browser"), at set-up, or a recovery
// code. A code is never put back after a refusal, and a refusal said against the code is said
// there only, not again above the form.
export function CodeForm({ kind }: { kind: keyof typeof KINDS }) {
  const { t } = useTranslation("security");
  const spec = KINDS[kind];
  // One schema type for the three (each has the code; only "code" has the checkbox).
  const form = useCheckedForm(spec.action, spec.schema as typeof secondFactorCodeSchema, t);
  const { state, pending } = form;
  const digits = kind !== "recovery";
  return (
    <form {...form.formProps} className="stack">
      {state?.formError && !state.fieldErrors?.code ? <Alert kind="error">{state.formError}</Alert> : null}
      <TextField label={t(spec.label)} hint={t(spec.hint)} autoComplete="one-time-code" autoCapitalize="none"
        spellCheck={false} inputMode={digits ? "numeric" : "text"} className={digits ? "input-code" : undefined} {...form.field("code")} />
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
