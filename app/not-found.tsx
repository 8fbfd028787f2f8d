import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

export default async function NotFound() {
  const t = await getT("common");
  return (
    <div className="narrow stack">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href={paths.home()}>{t("notFound.goHome")}</Link>
      </p>
    </div>
  );
}
