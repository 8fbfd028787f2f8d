import Link from "next/link";
import { getT } from "@/lib/i18n/server";

// "Page 2 of 7", with links to the pages either side. `href` makes a page's address.
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: string) => string }) {
  if (pages <= 1) return null;
  const t = await getT("admin");
  return (
    <nav aria-label={t("pager.label")} className="pager">
      {page > 1 ? <Link href={href(String(page - 1))} prefetch={false}>{t("pager.previous")}</Link> : null}
      <span>{t("pager.position", { page, pages })}</span>
      {page < pages ? <Link href={href(String(page + 1))} prefetch={false}>{t("pager.next")}</Link> : null}
    </nav>
  );
}
