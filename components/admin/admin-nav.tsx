import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

/** The administrator's sections, in order (the nav and the admin's home). */
export const ADMIN_SECTIONS = [
  ["accounts", () => paths.adminAccounts()],
  ["allocations", () => paths.adminAllocations()],
  ["advocates", () => paths.adminAdvocates()],
  ["imports", () => paths.adminImports()],
] as const;

/** The administrator's sections, at the top of each of their pages. */
export async function AdminNav({ current }: { current?: (typeof ADMIN_SECTIONS)[number][0] }) {
  const t = await getT("admin");
  return (
    <nav aria-label={t("nav.label")} className="record-nav">
      <ul className="pager" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        <li><Link href={paths.home()} prefetch={false}>{t("nav.home")}</Link></li>
        {ADMIN_SECTIONS.map(([key, href]) => (
          <li key={key}>
            <Link href={href()} prefetch={false} aria-current={current === key ? "page" : undefined}>{t(`nav.${key}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
