import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { recoveryCodesSavedAction, replaceRecoveryCodesAction } from "@/lib/auth/second-factor-actions";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { ActionButton } from "./action-button";
import { CodeForm } from "./code-form";

// The pages of the second factor ("security codes"): the steps after a right password, set-up,
// and the recovery codes shown once.

async function WithSecurityText({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <I18nProvider locale={locale} resources={pickResources(locale, ["security"])}>
      {children}
    </I18nProvider>
  );
}

// A half-way session has no header sign-out button (it is not signed in yet): this is the way out.
async function SignOutInstead() {
  const t = await getT("security");
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button-secondary">{t("code.cancel")}</button>
    </form>
  );
}

/** After a right password: the app's code, or (`recovery`) a recovery code instead. */
export async function CodeStepPage({ recovery = false }: { recovery?: boolean }) {
  const t = await getT("security");
  const ns = recovery ? "recovery" : "code";
  return (
    <div className="narrow stack">
      <h1>{t(`${ns}.title`)}</h1>
      <p>{t(`${ns}.intro`)}</p>
      <WithSecurityText>
        <CodeForm kind={recovery ? "recovery" : "code"} />
      </WithSecurityText>
      {recovery ? null : <h2>{t("code.lost")}</h2>}
      <p>
        {recovery ? <Link href={paths.secondFactorCode()}>{t("recovery.backToCode")}</Link> : <Link href={paths.secondFactorRecovery()}>{t("code.useRecovery")}</Link>}
      </p>
      <p className="hint">{t("code.askAdmin")}</p>
      <SignOutInstead />
    </div>
  );
}

export async function SetUpPage({ view }: { view: { qrCode: string; key: string; staff: boolean; halfWay: boolean } }) {
  const t = await getT("security");
  return (
    <div className="narrow stack">
      <h1>{t("setUp.title")}</h1>
      <p>{t(view.staff ? "setUp.introStaff" : "setUp.introFamily")}</p>
      <ol className="stack set-up-steps">
        <li>{t("setUp.install")}</li>
        <li className="stack">
          <p>{t("setUp.scan")}</p>
          <img src={view.qrCode} alt={t("setUp.qrAlt")} width={200} height={200} className="qr-code" />
          <p>{t("setUp.manual")}</p>
          <p><code className="secret-key" dir="ltr" data-testid="secret-key">{view.key}</code></p>
        </li>
        <li className="stack">
          <p>{t("setUp.type")}</p>
          <WithSecurityText>
            <CodeForm kind="set-up" />
          </WithSecurityText>
        </li>
      </ol>
      {view.halfWay ? <SignOutInstead /> : <p><Link href={paths.account()}>{t("codes.back")}</Link></p>}
    </div>
  );
}

export async function RecoveryCodesPage({ codes }: { codes: string[] | null }) {
  const t = await getT("security");
  if (!codes) {
    return (
      <div className="narrow stack">
        <h1>{t("codes.noneTitle")}</h1>
        <p>{t("codes.none")}</p>
        <ActionButton action={replaceRecoveryCodesAction} label={t("codes.make")} />
        <p><Link href={paths.account()}>{t("codes.back")}</Link></p>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <h1>{t("codes.title")}</h1>
      <p>{t("codes.intro")}</p>
      <p><strong>{t("codes.keep")}</strong></p>
      <ul className="recovery-codes" aria-label={t("codes.listLabel")} dir="ltr">
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ul>
      <ActionButton action={recoveryCodesSavedAction} label={t("codes.saved")} />
    </div>
  );
}
