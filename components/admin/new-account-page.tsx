import Link from "next/link";
import { ROLE_OPTIONS } from "@/lib/admin/forms";
import type { NewAccountView } from "@/lib/admin/loaders";
import { pickResources } from "@/lib/i18n/resources";
import { isolate } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { AdminNav } from "./admin-nav";
import { CreateAccountForm } from "./create-account-form";

// "Create an account", a page per step (works without JavaScript): role, the child's record
// where the role needs one, then the details.
export async function NewAccountPage({ view }: { view: NewAccountView }) {
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getLocale()]);
  const back = <p><Link href={view.step === "role" ? paths.adminAccounts() : paths.adminNewAccount()} prefetch={false}>{t("create.back")}</Link></p>;
  return (
    <div className="stack narrow">
      <AdminNav current="accounts" />
      <h1>{t("create.title")}</h1>
      {view.step === "role" ? (
        <form method="get" action={paths.adminNewAccount()} className="stack">
          <fieldset className="field choices">
            <legend>{t("create.chooseRole")}</legend>
            {ROLE_OPTIONS.map((r) => (
              <div key={r} className="choice">
                <input type="radio" id={`role-${r}`} name="role" value={r} required />
                <label htmlFor={`role-${r}`}>{tc(`roles.${r}`)}</label>
                <p className="hint">{t(`create.roleHint.${r}`)}</p>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">{t("create.continue")}</button>
        </form>
      ) : view.step === "child" ? (
        <form method="get" action={paths.adminNewAccount()} className="stack">
          <p>{t("create.forRole", { role: tc(`roles.${view.role}`) })}</p>
          <input type="hidden" name="role" value={view.role} />
          <div className="field">
            <label htmlFor="child">{t("create.chooseChild")}</label>
            <p className="hint" id="child-hint">{t(view.role === "child" ? "create.chooseChildOwnHint" : "create.chooseChildHint")}</p>
            <select id="child" name="child" aria-describedby="child-hint" required defaultValue="">
              <option value="" disabled>{t("create.pick")}</option>
              {view.role === "advocate" ? <option value="none">{t("create.noChild")}</option> : null}
              {view.children.map((c) => <option key={c.id} value={c.id}>{t("create.childOption", { name: isolate(c.name), ref: isolate(c.externalId) })}</option>)}
            </select>
          </div>
          <button type="submit" className="button">{t("create.continue")}</button>
        </form>
      ) : (
        <>
          <p>{t("create.forRole", { role: tc(`roles.${view.role}`) })}</p>
          {"child" in view && view.child ? <p>{t("create.forChild", { name: isolate(view.child.name), ref: isolate(view.child.externalId) })}</p> : null}
          <p className="hint">{t("create.noPassword")}</p>
          <I18nProvider locale={locale} resources={pickResources(locale, ["admin"])}>
            <CreateAccountForm
              role={view.role}
              childId={"child" in view && view.child ? view.child.id : undefined}
              people={"people" in view ? view.people : undefined}
              teams={"teams" in view ? view.teams : undefined}
            />
          </I18nProvider>
        </>
      )}
      {back}
    </div>
  );
}
