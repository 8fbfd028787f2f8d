"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";
import { paths } from "@/lib/paths";

// The set-up code, shown this once (only its hash is kept): the administrator gives it to the
// person, who chooses their own password with it at /setup.
export function SetupCodePanel({ code, expiresAt, userId, created }: { code: string; expiresAt: string; userId: string; created?: boolean }) {
  const { t } = useTranslation("admin");
  return (
    <div className="stack">
      <div className="confirmation" role="status">
        <h2>{created ? t("code.createdTitle") : t("code.title")}</h2>
      </div>
      <p>{t("code.yourCode")}</p>
      <p className="setup-code"><code dir="ltr" data-testid="setup-code">{code}</code></p>
      <p>{t("code.expires", { date: expiresAt })}</p>
      <h3>{t("code.nextTitle")}</h3>
      <ol>
        <li>{t("code.next1")}</li>
        <li>{t("code.next2", { address: paths.setup() })}</li>
        <li>{t("code.next3")}</li>
      </ol>
      {created ? <p><Link href={paths.adminAccount(userId)} prefetch={false}>{t("code.toAccount")}</Link></p> : null}
    </div>
  );
}
