"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { LAWFUL_BASES, RECIPIENTS, SHARED_WHAT } from "@/lib/consent/form";
import { recordShareAction } from "@/lib/consent/share-actions";
import { Alert } from "../ui/alert";
import { Choices, Field } from "./share-fields";

export type ShareSetup = {
  childId: string;
  today: string;
  topics: { id: string; recipient: string; purpose: string; state: "given" | "withdrawn" | "expired" | "notAsked" }[];
  entries: { id: string; title: string; date: string }[];
  moreEntries: boolean;
};

// "Record a share". A plain form posting to a server action, so it works with JavaScript off (all
// parts shown, each saying when it applies); with JavaScript, only the parts that apply are shown.
// A refusal comes back as a message, with what was typed kept.
export function ShareForm({ setup }: { setup: ShareSetup }) {
  const { t } = useTranslation("consent");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(recordShareAction, null);
  const kept = (name: string) => state?.values?.[name] ?? "";
  const [basis, setBasis] = useState("");
  const [what, setWhat] = useState("");
  const shownBasis = basis || kept("lawfulBasis");
  const shownWhat = what || kept("what");
  const keptEntries = new Set(kept("entryIds").split(",").filter(Boolean));
  const error = (name: string) => state?.fieldErrors?.[name];
  return (
    <form action={formAction} className="stack">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="childId" value={setup.childId} />
      <Choices name="lawfulBasis" legend={t("share.basis.legend")} hint={t("share.basis.hint")} error={error("lawfulBasis")} value={kept("lawfulBasis")}
        options={LAWFUL_BASES.map((b) => ({ value: b, label: t(`log.basis.${b}`) }))} onChange={setBasis} />

      <fieldset className="panel stack" hidden={shownBasis !== "" && shownBasis !== "consent"}>
        <legend>{t("share.consent.legend")}</legend>
        <Field id="share-topic" label={t("share.consent.topic")} error={error("topicId")}>
          {(describedBy) => (
            <select id="share-topic" name="topicId" defaultValue={kept("topicId")} aria-describedby={describedBy} aria-invalid={error("topicId") ? true : undefined}>
              <option value="">{t("share.consent.choose")}</option>
              {setup.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>{t("share.consent.option", { recipient: topic.recipient, purpose: topic.purpose, choice: t(`share.glance.${topic.state}`) })}</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="panel stack" hidden={shownBasis === "consent"}>
        <legend>{t("share.other.legend")}</legend>
        <Field id="share-recipient" label={t("share.other.recipient")} error={error("recipient")}>
          {(describedBy) => (
            <select id="share-recipient" name="recipient" defaultValue={kept("recipient")} aria-describedby={describedBy} aria-invalid={error("recipient") ? true : undefined}>
              <option value="">{t("share.other.choose")}</option>
              {RECIPIENTS.map((r) => <option key={r} value={r}>{t(`recipients.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field id="share-recipient-name" label={t("share.other.recipientName")} error={error("recipientName")}>
          {(describedBy) => <input id="share-recipient-name" name="recipientName" dir="auto" defaultValue={kept("recipientName")} aria-describedby={describedBy} />}
        </Field>
        <Field id="share-reason" label={t("share.other.reason")} hint={t("share.other.reasonHint")} error={error("reason")}>
          {(describedBy) => <textarea id="share-reason" name="reason" rows={4} dir="auto" defaultValue={kept("reason")} aria-describedby={describedBy} aria-invalid={error("reason") ? true : undefined} />}
        </Field>
        <div className="choice">
          <input type="checkbox" id="share-withhold" name="reasonWithheld" defaultChecked={kept("reasonWithheld") === "on"} aria-describedby="share-withhold-hint" />
          <label htmlFor="share-withhold">{t("share.other.withhold")}</label>
        </div>
        <p id="share-withhold-hint" className="hint">{t("share.other.withholdHint")}</p>
      </fieldset>

      <Choices name="what" legend={t("share.what.legend")} error={error("what")} value={kept("what")}
        options={SHARED_WHAT.map((w) => ({ value: w, label: t(`share.what.${w}`) }))} onChange={setWhat} />
      <details className="stack" open={shownWhat === "entries" || Boolean(error("entryIds")) || keptEntries.size > 0} hidden={shownWhat !== "" && shownWhat !== "entries"}>
        <summary>{t("share.what.entriesLegend")}</summary>
        <fieldset className={error("entryIds") ? "field field-error choices" : "field choices"}>
          <legend>{t("share.what.entriesLegend")}</legend>
          {setup.moreEntries ? <p className="hint">{t("share.what.entriesHint", { count: setup.entries.length })}</p> : null}
          {error("entryIds") ? <p className="error-message">{error("entryIds")}</p> : null}
          {setup.entries.length === 0 ? <p>{t("share.what.noEntries")}</p> : setup.entries.map((e) => (
            <div key={e.id} className="choice">
              <input type="checkbox" id={`share-entry-${e.id}`} name="entryIds" value={e.id} defaultChecked={keptEntries.has(e.id)} />
              <label htmlFor={`share-entry-${e.id}`} dir="auto">{e.title} <span className="hint">({e.date})</span></label>
            </div>
          ))}
        </fieldset>
      </details>
      <div hidden={shownWhat !== "" && shownWhat !== "described"}>
        <Field id="share-description" label={t("share.what.description")} error={error("description")}>
          {(describedBy) => <textarea id="share-description" name="description" rows={3} dir="auto" defaultValue={kept("description")} aria-describedby={describedBy} aria-invalid={error("description") ? true : undefined} />}
        </Field>
      </div>

      <Field id="share-date" label={t("share.sharedOn")} hint={t("share.sharedOnHint")} error={error("sharedOn")}>
        {(describedBy) => <input type="date" id="share-date" name="sharedOn" max={setup.today} defaultValue={kept("sharedOn") || setup.today} aria-describedby={describedBy} aria-invalid={error("sharedOn") ? true : undefined} />}
      </Field>
      <Field id="share-purpose" label={t("share.purpose")} error={error("purpose")}>
        {(describedBy) => <input id="share-purpose" name="purpose" dir="auto" defaultValue={kept("purpose")} aria-describedby={describedBy} aria-invalid={error("purpose") ? true : undefined} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>{t("share.submit")}</button>
    </form>
  );
}
