import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { ScanningWarning } from "@/lib/uploads";
import { Alert } from "../ui/alert";
import { ADMIN_SECTIONS } from "./admin-nav";

/**
 * The administrator's home: their four sections, and the command line in small print; first, a
 * warning when uploaded files are not checked for viruses, or cannot be sent for want of a scanner.
 */
export async function AdminHome({ uploadWarning }: { uploadWarning: ScanningWarning | null }) {
  const [t, th] = await Promise.all([getT("admin"), getT("home")]);
  return (
    <div className="stack">
      <h1>{th("admin.title")}</h1>
      <p>{th("admin.intro")}</p>
      {uploadWarning ? <Alert kind="error">{t(`home.scanning.${uploadWarning}`)}</Alert> : null}
      <ul className="card-list">
        {ADMIN_SECTIONS.map(([key, href]) => (
          <li key={key} className="card">
            <Link href={href()} className="card-title" prefetch={false}>{t(`home.${key}`)}</Link>
            <p>{t(`home.${key}Text`)}</p>
          </li>
        ))}
      </ul>
      <p className="hint"><small>{t("home.cli")}</small></p>
    </div>
  );
}
