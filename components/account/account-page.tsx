import type { AccountView } from "@/lib/home/load-account";
import type { AccountDone } from "@/lib/paths";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { I18nProvider } from "../i18n-provider";
import { SecondFactorSection } from "../security/account-section";
import { Alert } from "../ui/alert";
import { ChangePasswordForm } from "./change-password-form";

// "Your account": who you are signed in as, and changing your password.
export async function AccountPage({ view, done }: { view: AccountView; done?: AccountDone }) {
  const [t, tc, ts, locale] = await Promise.all([getT("account"), getT("common"), getT("security"), getLocale()]);
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      {done === "password" ? <Alert kind="info">{t("password.changed")}</Alert> : null}
      {done === "recovery-code" ? <Alert kind="info">{ts("account.recoveryUsed")}</Alert> : null}
      {done === "codes-off" ? <Alert kind="info">{ts("account.turnedOff")}</Alert> : null}
      <p>{t("intro")}</p>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{view.displayName}</dd>
        <dt>{t("role")}</dt>
        <dd>{tc(`roles.${view.role}`)}</dd>
      </dl>
      <p className="hint">{t("help")}</p>
      <section className="stack" aria-labelledby="change-password">
        <h2 id="change-password">{t("password.title")}</h2>
        <p>{t("password.intro")}</p>
        <I18nProvider locale={locale} resources={pickResources(locale, ["account"])}>
          <ChangePasswordForm minLength={view.minPasswordLength} />
        </I18nProvider>
        <p className="hint">{t("password.forgot")}</p>
      </section>
      <SecondFactorSection summary={view.secondFactor} />
    </div>
  );
}
