import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { turnOffSecondFactorAction } from "@/lib/auth/second-factor-actions";
import { StepForm } from "../forms/step-form";

// "Your account": whether security codes are on, recovery codes left, and the way to set up.
export async function SecondFactorSection({ summary }: { summary: { enabled: boolean; required: boolean; codesLeft: number } }) {
  const t = await getT("security");
  return (
    <section className="stack" aria-labelledby="security-codes">
      <h2 id="security-codes">{t("account.title")}</h2>
      {summary.enabled ? (
        <>
          <p>{t("account.on")}</p>
          <p>{t("account.left", { count: summary.codesLeft })}</p>
          <p><Link href={paths.recoveryCodes()}>{t("account.newCodes")}</Link></p>
          {summary.required ? null : (
            <div className="panel stack">
              <h3>{t("account.turnOffHeading")}</h3>
              <p>{t("account.turnOffIntro")}</p>
              <StepForm name="codes-off" action={turnOffSecondFactorAction} hidden={{}} secondary submit={t("account.turnOff")} fields={[
                { kind: "password", name: "currentPassword", label: t("account.turnOffPassword"), autoComplete: "current-password" },
              ]} />
            </div>
          )}
        </>
      ) : (
        <>
          <p>{t("account.off")}</p>
          <p><Link href={paths.secondFactorSetUp()} className="button button-secondary">{t("account.turnOn")}</Link></p>
        </>
      )}
    </section>
  );
}
