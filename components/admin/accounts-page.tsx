import Link from "next/link";
import type { loadAccounts } from "@/lib/admin/loaders";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { ROLE_OPTIONS } from "@/lib/admin/forms";
import { AdminNav } from "./admin-nav";
import { Pager } from "./pager";

type View = Awaited<ReturnType<typeof loadAccounts>>;

// Accounts, 25 to a page, filtered by role and by part of the username.
export async function AccountsPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("admin"), getT("common")]);
  const { list, role, search } = view;
  return (
    <div className="stack">
      <AdminNav current="accounts" />
      <h1>{t("accounts.title")}</h1>
      <p>{t("accounts.intro")}</p>
      <p><Link href={paths.adminNewAccount()} className="button" prefetch={false}>{t("accounts.create")}</Link></p>
      <form method="get" action={paths.adminAccounts()} className="stack" role="search" aria-label={t("accounts.filterLabel")}>
        <div className="field">
          <label htmlFor="filter-role">{t("accounts.role")}</label>
          <select id="filter-role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("accounts.anyRole")}</option>
            {ROLE_OPTIONS.map((r) => <option key={r} value={r}>{tc(`roles.${r}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">{t("accounts.search")}</label>
          <input id="filter-q" name="q" type="search" dir="ltr" defaultValue={search ?? ""} autoComplete="off" />
        </div>
        <button type="submit" className="button button-secondary">{t("accounts.filter")}</button>
      </form>
      <h2>{t("accounts.found", { count: list.total })}</h2>
      {list.accounts.length === 0 ? <p>{t("accounts.none")}</p> : (
        <ul className="card-list">
          {list.accounts.map((a) => (
            <li key={a.id} className="card">
              <Link href={paths.adminAccount(a.id)} className="card-title" prefetch={false}><bdi dir="ltr">{a.username}</bdi></Link>
              {a.disabled ? <> <span className="tag tag-muted">{t("account.disabled")}</span></> : null}
              <p className="hint"><bdi dir="auto">{a.displayName}</bdi> · {tc(`roles.${a.role}`)}{a.team ? <> · {t("account.teamName", { team: a.team })}</> : null}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pages={list.pages} href={(page) => paths.adminAccounts({ role, q: search, page })} />
    </div>
  );
}
