import Link from "next/link";
import type { loadAccount } from "@/lib/admin/loaders";
import { disableAccountAction, enableAccountAction } from "@/lib/admin/actions";
import { formatDate, formatDateTime, isolate } from "@/lib/i18n/format";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { ConfirmForm } from "../forms/confirm-form";
import { StepForm } from "../forms/step-form";
import { I18nProvider } from "../i18n-provider";
import { Alert } from "../ui/alert";
import { AdminNav } from "./admin-nav";
import { IssueCodeForm } from "./issue-code-form";

type View = Awaited<ReturnType<typeof loadAccount>>;

// One account, as the administrator sees it: who it is, what it is linked to (names only, no
// record content), and what can be done: a set-up code, disable or enable.
export async function AdminAccountPage({ view }: { view: View }) {
  const [t, tc, locale] = await Promise.all([getT("admin"), getT("common"), getLocale()]);
  const a = view.account;
  const disabled = a.disabledAt !== null;
  return (
    <div className="stack narrow">
      <AdminNav current="accounts" />
      <p><Link href={paths.adminAccounts()} prefetch={false}>{t("account.back")}</Link></p>
      <h1><bdi dir="ltr">{a.username}</bdi></h1>
      {view.done === "disabled" || view.done === "enabled" ? <Alert kind="info">{t(`account.done.${view.done}`)}</Alert> : null}
      <dl className="facts">
        <dt>{t("account.name")}</dt><dd><bdi dir="auto">{a.displayName}</bdi></dd>
        <dt>{t("account.role")}</dt><dd>{tc(`roles.${a.role}`)}</dd>
        {a.team ? <><dt>{t("account.team")}</dt><dd><bdi dir="auto">{a.team.name}</bdi></dd></> : null}
        <dt>{t("account.status")}</dt><dd>{disabled ? t("account.disabledSince", { date: formatDate(a.disabledAt!, locale) }) : t("account.active")}</dd>
        <dt>{t("account.created")}</dt><dd>{formatDate(a.createdAt, locale)}</dd>
        {a.child ? <><dt>{t("account.record")}</dt><dd>{t("create.childOption", { name: isolate(a.child.fullName), ref: isolate(a.child.externalId) })}</dd></> : null}
        {a.person ? (
          <>
            <dt>{t("account.person")}</dt>
            <dd>
              <bdi dir="auto">{a.person.fullName}</bdi>
              <ul>{a.person.children.map((c) => <li key={c.externalId}>{t("account.namedIn", { relationship: t(`relationship.${c.relationship}`), name: isolate(c.fullName), ref: isolate(c.externalId) })}</li>)}</ul>
            </dd>
          </>
        ) : null}
        {a.advocateRegistration ? (
          <>
            <dt>{t("account.register")}</dt>
            <dd>{a.advocateRegistration.endedAt ? t("account.registerEnded", { organisation: a.advocateRegistration.organisation, date: formatDate(a.advocateRegistration.endedAt, locale) }) : a.advocateRegistration.organisation}</dd>
          </>
        ) : null}
      </dl>
      {a.role === "caseworker" ? (
        <section className="stack" aria-labelledby="allocations">
          <h2 id="allocations">{t("account.allocations")}</h2>
          {a.allocations.length === 0 ? <p>{t("account.noAllocations")}</p> : <ul>{a.allocations.map((c) => <li key={c.id}>{t("create.childOption", { name: isolate(c.fullName), ref: isolate(c.externalId) })}</li>)}</ul>}
          <p><Link href={paths.adminAllocations()} prefetch={false}>{t("account.changeAllocations")}</Link></p>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="setup-code">
        <h2 id="setup-code">{t("account.codeTitle")}</h2>
        <p>{t("account.codeIntro")}</p>
        {a.pendingSetupCode ? <p className="hint">{t("account.codePending", { date: formatDateTime(a.pendingSetupCode.expiresAt, locale) })}</p> : null}
        {disabled ? <p className="hint">{t("account.codeDisabled")}</p> : (
          <I18nProvider locale={locale} resources={pickResources(locale, ["admin"])}>
            <IssueCodeForm userId={a.id} />
          </I18nProvider>
        )}
      </section>
      <section className="stack" aria-labelledby="security-codes">
        <h2 id="security-codes">{t("account.securityTitle")}</h2>
        <p>{t("account.securityIntro")}</p>
        <p><Link href={paths.adminSecondFactor(a.id)} prefetch={false}>{t("account.securityLink")}</Link></p>
      </section>
      <section className="stack" aria-labelledby="access">
        <h2 id="access">{disabled ? t("account.enableTitle") : t("account.disableTitle")}</h2>
        <p>{disabled ? t("account.enableIntro") : t("account.disableIntro")}</p>
        {disabled ? (
          <StepForm name="enable" action={enableAccountAction} hidden={{ userId: a.id }} fields={[]} submit={t("account.enable")} secondary />
        ) : (
          <ConfirmForm action={disableAccountAction} hidden={{ userId: a.id }} confirmPath={paths.adminAccountDisable(a.id)} words={disableWords(t)} />
        )}
      </section>
    </div>
  );
}

export function disableWords(t: (key: string) => string) {
  return { button: t("account.disable"), confirmTitle: t("account.disableConfirmTitle"), confirmText: t("account.disableConfirmText"), yes: t("account.disableYes"), cancel: t("account.cancel") };
}
