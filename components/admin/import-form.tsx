"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { importAction } from "@/lib/admin/actions";
import { UPLOAD_LIMIT_BYTES } from "@/lib/admin/forms";
import { Alert } from "../ui/alert";

const SHOWN = 1_000;

// Upload an import file. The server checks it in full before writing anything; if it has
// problems, every one is listed here by its JSON path and nothing is written.
export function ImportForm() {
  const { t } = useTranslation("admin");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(importAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const problems = state?.problems ?? [];
  const more = Math.max(0, problems.length - SHOWN);
  return (
    <form action={formAction} className="stack"
      onSubmit={(e) => {
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        const large = Boolean(file && file.size > UPLOAD_LIMIT_BYTES);
        setTooLarge(large);
        if (large) e.preventDefault();
      }}>
      {state?.formError ? <Alert kind="error">{state.formError}</Alert> : null}
      {problems.length ? (
        <div className="alert alert-error stack" role="alert" tabIndex={-1} id="import-problems">
          <h2>{t("imports.problemsTitle", { count: problems.length })}</h2>
          <p>{t("imports.nothingWritten")}</p>
          <ul className="import-problems">
            {problems.slice(0, SHOWN).map((p, i) => <li key={i}><code dir="ltr">{p.path}</code> <span dir="ltr">{p.message}</span></li>)}
          </ul>
          {more ? <p>{t("imports.more", { count: more })}</p> : null}
        </div>
      ) : null}
      <div className={tooLarge ? "field field-error" : "field"}>
        <label htmlFor="file">{t("imports.file")}</label>
        <p className="hint" id="file-hint">{t("imports.fileHint", { mb: UPLOAD_LIMIT_BYTES / 1024 / 1024 })}</p>
        {tooLarge ? <p className="error-message" id="file-error">{t("imports.tooLarge", { mb: UPLOAD_LIMIT_BYTES / 1024 / 1024 })}</p> : null}
        <input id="file" name="file" type="file" accept="application/json,.json" required aria-describedby={tooLarge ? "file-hint file-error" : "file-hint"} />
      </div>
      <button type="submit" className="button" disabled={pending}>{pending ? t("imports.checking") : t("imports.submit")}</button>
    </form>
  );
}
