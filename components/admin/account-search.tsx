"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionState } from "@/lib/action/state";
import { findAccountsAction } from "@/lib/admin/actions";
import { paths } from "@/lib/paths";
import { Alert } from "../ui/alert";

// Search by part of a username, answered in the page: the words searched for never go in an
// address. Works with JavaScript off too (the form posts, the page comes back with the answer).
export function AccountSearch() {
  const { t } = useTranslation(["admin", "common"]);
  const [state, action, pending] = useActionState<ActionState, FormData>(findAccountsAction, null);
  const error = state?.fieldErrors?.search;
  return (
    <section className="stack" aria-labelledby="account-search">
      <h2 id="account-search">{t("accounts.searchHeading")}</h2>
      <form action={action} className="stack" role="search" aria-labelledby="account-search">
        <div className={error ? "field field-error" : "field"}>
          <label htmlFor="search-username">{t("accounts.search")}</label>
          {error ? <p id="search-username-error" className="error-message">{error}</p> : null}
          <input id="search-username" name="search" type="search" dir="ltr" autoComplete="off" defaultValue={state?.values?.search ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? "search-username-error" : undefined} />
        </div>
        <button type="submit" className="button button-secondary" disabled={pending}>{t("accounts.filter")}</button>
      </form>
      {state?.formError && !error ? <Alert kind="error">{state.formError}</Alert> : null}
      {state?.matches ? (
        <div role="status" className="stack">
          <p>{t("accounts.matches", { count: state.matches.length })}</p>
          <ul className="card-list">
            {state.matches.map((a) => (
              <li key={a.id} className="card">
                <Link href={paths.adminAccount(a.id)} className="card-title" prefetch={false}><bdi dir="ltr">{a.username}</bdi></Link>
                {a.disabled ? <> <span className="tag tag-muted">{t("account.disabled")}</span></> : null}
                <p className="hint"><bdi dir="auto">{a.displayName}</bdi> · {t(`common:roles.${a.role}`)}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
