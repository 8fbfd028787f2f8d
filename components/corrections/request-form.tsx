"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { clipText } from "@/lib/plain-text";
import { askAction } from "@/lib/rectification/actions";
import { Alert } from "../ui/alert";

export type RequestSetup = {
  childId: string;
  submissionKey: string;
  entry: { id: string; title: string; sections: { position: number; text: string }[] };
  part: number | null;
  others: { id: string; title: string; date: string }[];
};

const preview = (text: string) => clipText(text, 120);

// "Ask for a correction". Works with JavaScript off: the server's answer is rendered instead,
// with what was typed kept (files must be chosen again: browsers never refill a file input).
export function RequestForm({ setup }: { setup: RequestSetup }) {
  const { t } = useTranslation("corrections");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(askAction, null);
  const error = (name: string) => state?.fieldErrors?.[name];
  const wholeChecked = setup.part === null;
  return (
    <form action={formAction} className="stack" encType="multipart/form-data">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="childId" value={setup.childId} />
      <input type="hidden" name="submissionKey" value={setup.submissionKey} />
      <fieldset className={error("items") ? "field field-error choices" : "field choices"}>
        <legend>{t("form.which")}</legend>
        {error("items") ? <p className="error-message">{error("items")}</p> : null}
        <div className="choice">
          <input type="checkbox" id="item-whole" name="items" value={setup.entry.id} defaultChecked={wholeChecked} />
          <label htmlFor="item-whole">{t("form.whole")}</label>
        </div>
        {setup.entry.sections.map((s) => (
          <div key={s.position} className="choice">
            <input type="checkbox" id={`item-${s.position}`} name="items" value={`${setup.entry.id}:${s.position}`} defaultChecked={setup.part === s.position} />
            <label htmlFor={`item-${s.position}`} lang="en" dir="auto">{t("form.part", { n: s.position + 1, text: preview(s.text) })}</label>
          </div>
        ))}
      </fieldset>
      {setup.others.length ? (
        <details>
          <summary>{t("form.others")}</summary>
          <fieldset className="choices">
            <legend className="hint">{t("form.othersHint")}</legend>
            {setup.others.map((o) => (
              <div key={o.id} className="choice">
                <input type="checkbox" id={`other-${o.id}`} name="items" value={o.id} />
                <label htmlFor={`other-${o.id}`} dir="auto">{o.title} <span className="hint">({o.date})</span></label>
              </div>
            ))}
          </fieldset>
        </details>
      ) : null}
      <div className={error("whatIsWrong") ? "field field-error" : "field"}>
        <label htmlFor="whatIsWrong">{t("form.whatIsWrong")}</label>
        <p id="whatIsWrong-hint" className="hint">{t("form.whatIsWrongHint")}</p>
        {error("whatIsWrong") ? <p id="whatIsWrong-error" className="error-message">{error("whatIsWrong")}</p> : null}
        <textarea id="whatIsWrong" name="whatIsWrong" rows={6} dir="auto" defaultValue={state?.values?.whatIsWrong}
          aria-invalid={error("whatIsWrong") ? true : undefined} aria-describedby={error("whatIsWrong") ? "whatIsWrong-hint whatIsWrong-error" : "whatIsWrong-hint"} />
      </div>
      <div className={error("whatItShouldSay") ? "field field-error" : "field"}>
        <label htmlFor="whatItShouldSay">{t("form.whatItShouldSay")}</label>
        {error("whatItShouldSay") ? <p id="whatItShouldSay-error" className="error-message">{error("whatItShouldSay")}</p> : null}
        <textarea id="whatItShouldSay" name="whatItShouldSay" rows={4} dir="auto" defaultValue={state?.values?.whatItShouldSay}
          aria-invalid={error("whatItShouldSay") ? true : undefined} aria-describedby={error("whatItShouldSay") ? "whatItShouldSay-error" : undefined} />
      </div>
      <div className={error("files") ? "field field-error" : "field"}>
        <label htmlFor="files">{t("form.files")}</label>
        <p id="files-hint" className="hint">{t("form.filesHint")}</p>
        {error("files") ? <p id="files-error" className="error-message">{error("files")}</p> : null}
        <input type="file" id="files" name="files" multiple accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,image/heif,.heic,.heif"
          aria-describedby={error("files") ? "files-hint files-error" : "files-hint"} />
      </div>
      <button type="submit" className="button" disabled={pending}>{t("form.send")}</button>
    </form>
  );
}
