"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { saveContributionAction } from "@/lib/contributions/actions";
import { contributionText, type ContributionText } from "@/lib/contributions/form";
import { CONTRIBUTION_KINDS } from "@/lib/contributions/rules";
import { Alert } from "../ui/alert";

export type FormSetup = {
  childId: string;
  childName: string;
  submissionKey: string;
  /** Whose choices the sender has: a child's, an advocate's (for the child) or a parent's or carer's. */
  sender: "child" | "advocate" | "family";
  advocateName: string;
  about: { id: string; title: string } | null;
  draft: { id: string; kind: string; body: string; sharedWithChild: boolean; sharedWithFamily: boolean; files: { id: string; fileName: string }[] } | null;
};

const FAMILY_CHOICE = { child: "shareWithFamilyChild", advocate: "shareWithFamilyAdvocate", family: "shareWithFamily" } as const;

// Checked in the browser with the server's own schema; with JavaScript off it posts straight to
// the server action (files included) and the server's answer is rendered instead.
export function ContributionFormView({ setup }: { setup: FormSetup }) {
  const { t } = useTranslation("contributions");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveContributionAction, null);
  const form = useForm<ContributionText>({ resolver: zodResolver(contributionText) as never });
  const errors = form.formState.errors;
  const fieldError = (name: "kind" | "body" | "files") => {
    const key = name === "files" ? undefined : errors[name]?.message;
    return key ? t(key.replace("contributions:", "")) : state?.fieldErrors?.[name];
  };
  const onSubmit = form.handleSubmit((_data, event) => {
    const native = event?.nativeEvent as SubmitEvent | undefined;
    const data = new FormData(event?.target as HTMLFormElement, native?.submitter ?? undefined);
    startTransition(() => formAction(data));
  });
  const values = state?.values;
  const kind = values?.kind ?? setup.draft?.kind;
  const body = values?.body ?? setup.draft?.body ?? "";
  const checked = (name: "shareWithChild" | "shareWithFamily", fromDraft: boolean | undefined) => (values ? values[name] === "on" : Boolean(fromDraft));

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack" encType="multipart/form-data">
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      <input type="hidden" name="childId" value={setup.childId} />
      <input type="hidden" name="submissionKey" value={setup.submissionKey} />
      {setup.draft ? <input type="hidden" name="draftId" value={setup.draft.id} /> : null}
      {setup.about ? <input type="hidden" name="aboutEntryId" value={setup.about.id} /> : null}

      <fieldset className={fieldError("kind") ? "field field-error choices" : "field choices"} aria-describedby={fieldError("kind") ? "kind-error" : undefined}>
        <legend>{t("form.kindLegend")}</legend>
        {fieldError("kind") ? <p id="kind-error" className="error-message">{fieldError("kind")}</p> : null}
        {CONTRIBUTION_KINDS.map((k) => (
          <div key={k} className="choice">
            <input type="radio" id={`kind-${k}`} value={k} defaultChecked={kind === k} aria-describedby={`kind-${k}-hint`} {...form.register("kind")} />
            <label htmlFor={`kind-${k}`}>{t(`kinds.${k}`)}</label>
            <p id={`kind-${k}-hint`} className="hint">{t(`kindHints.${k}`)}</p>
          </div>
        ))}
      </fieldset>

      <div className={fieldError("body") ? "field field-error" : "field"}>
        <label htmlFor="body">{t("form.bodyLabel")}</label>
        <p id="body-hint" className="hint">{t("form.bodyHint")}</p>
        {fieldError("body") ? <p id="body-error" className="error-message">{fieldError("body")}</p> : null}
        <textarea id="body" rows={8} dir="auto" defaultValue={body} aria-invalid={fieldError("body") ? true : undefined}
          aria-describedby={fieldError("body") ? "body-hint body-error" : "body-hint"} {...form.register("body")} />
      </div>

      {setup.draft?.files.length ? (
        <fieldset className="field choices">
          <legend>{t("form.keptFiles")}</legend>
          {setup.draft.files.map((f) => (
            <div key={f.id} className="choice">
              <input type="checkbox" id={`remove-${f.id}`} name="removeFile" value={f.id} />
              <label htmlFor={`remove-${f.id}`} dir="auto">{t("form.removeFile", { name: f.fileName })}</label>
            </div>
          ))}
        </fieldset>
      ) : null}

      <div className={fieldError("files") ? "field field-error" : "field"}>
        <label htmlFor="files">{t("form.filesLabel")}</label>
        <p id="files-hint" className="hint">{t("form.filesHint")}{state?.ok === false ? ` ${t("form.filesAgain")}` : ""}</p>
        {fieldError("files") ? <p id="files-error" className="error-message">{fieldError("files")}</p> : null}
        <input type="file" id="files" name="files" multiple accept="application/pdf,image/png,image/jpeg,image/webp,image/heic,image/heif,.heic,.heif"
          aria-invalid={fieldError("files") ? true : undefined} aria-describedby={fieldError("files") ? "files-hint files-error" : "files-hint"} />
      </div>

      <fieldset className="field choices">
        <legend>{t("form.whoReads")}</legend>
        <p className="hint">{t("form.workerReads")}</p>
        {setup.sender === "advocate" ? <p>{t("form.advocateNote", { name: setup.childName, advocate: setup.advocateName })}</p> : null}
        {setup.sender === "family" ? (
          <div className="choice">
            <input type="checkbox" id="shareWithChild" name="shareWithChild" defaultChecked={checked("shareWithChild", setup.draft?.sharedWithChild)} />
            <label htmlFor="shareWithChild">{t("form.shareWithChild", { name: setup.childName })}</label>
          </div>
        ) : null}
        <div className="choice">
          <input type="checkbox" id="shareWithFamily" name="shareWithFamily" defaultChecked={checked("shareWithFamily", setup.draft?.sharedWithFamily)} />
          <label htmlFor="shareWithFamily">{t(`form.${FAMILY_CHOICE[setup.sender]}`, { name: setup.childName })}</label>
        </div>
      </fieldset>

      <div className="button-row">
        <button type="submit" name="intent" value="send" className="button" disabled={pending}>{t("form.send")}</button>
        <button type="submit" name="intent" value="draft" className="button button-secondary" disabled={pending}>{t("form.saveDraft")}</button>
      </div>
    </form>
  );
}
