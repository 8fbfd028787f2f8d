import Link from "next/link";
import type { loadAccounts } from "@/lib/admin/loaders";
import { getLocale, getT } from "@/lib/i18n/server";
import { pickResources } from "@/lib/i18n/resources";
import { paths } from "@/lib/paths";
import { ROLE_OPTIONS } from "@/lib/admin/forms";
import { I18nProvider } from "../i18n-provider";
import { AccountSearch } from "./account-search";
import { AdminNav } from "./admin-nav";
import { Pager } from "./pager";

type View = Awaited<ReturnType<typeof loadAccounts>>;

// Accounts, 25 to a page, filtered by role; a search by part of a username is answered in the
// page (AccountSearch), so no username goes in an address.
export async function AccountsPage({ view }: { view: View }) {
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getLocale()]);
  const { list, role } = view;
  return (
    <div className="stack">
      <AdminNav current="accounts" />
      <h1>{t("accounts.title")}</h1>
      <p>{t("accounts.intro")}</p>
      <p><Link href={paths.adminNewAccount()} className="button" prefetch={false}>{t("accounts.create")}</Link></p>
      <I18nProvider locale={locale} resources={pickResources(locale, ["admin", "common"])}>
        <AccountSearch />
      </I18nProvider>
      <h2>{t("accounts.listHeading")}</h2>
      <form method="get" action={paths.adminAccounts()} className="stack" aria-label={t("accounts.filterLabel")}>
        <div className="field">
          <label htmlFor="filter-role">{t("accounts.role")}</label>
          <select id="filter-role" name="role" defaultValue={role ?? ""}>
            <option value="">{t("accounts.anyRole")}</option>
            {ROLE_OPTIONS.map((r) => <option key={r} value={r}>{tc(`roles.${r}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="button button-secondary">{t("accounts.filter")}</button>
      </form>
      <p>{t("accounts.found", { count: list.total })}</p>
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
      <Pager page={list.page} pages={list.pages} href={(page) => paths.adminAccounts({ role, page })} />
    </div>
  );
}
