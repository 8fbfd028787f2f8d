import { resetSecondFactorAction } from "@/lib/auth/second-factor-actions";
import { getT } from "@/lib/i18n/server";
import { Alert } from "../ui/alert";
import { ActionButton } from "./action-button";

type View = { userId: string; displayName: string; username: string; role: string; enabled: boolean };

// An admin resets someone's lost security codes. The page is the explanation and the confirmation.
export async function AdminSecondFactorPage({ view, done }: { view: View; done: boolean }) {
  const [t, tc] = await Promise.all([getT("security"), getT("common")]);
  return (
    <div className="narrow stack">
      <h1>{t("admin.title")}</h1>
      {done ? <Alert kind="info">{t("admin.done")}</Alert> : null}
      <p>{t("admin.intro")}</p>
      <dl className="facts">
        <dt>{t("admin.name")}</dt>
        <dd>{view.displayName}</dd>
        <dt>{t("admin.username")}</dt>
        <dd dir="ltr">{view.username}</dd>
        <dt>{t("admin.role")}</dt>
        <dd>{tc(`roles.${view.role}`)}</dd>
        <dt>{t("admin.status")}</dt>
        <dd>{t(view.enabled ? "admin.statusOn" : "admin.statusOff")}</dd>
      </dl>
      <p>{t("admin.what")}</p>
      <p className="hint">{t("admin.check")}</p>
      <ActionButton action={resetSecondFactorAction} hidden={{ userId: view.userId }} label={t("admin.submit")} />
    </div>
  );
}
