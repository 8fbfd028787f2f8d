import Link from "next/link";
import type { loadImportRun } from "@/lib/admin/loaders";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { AdminNav } from "./admin-nav";

type View = Awaited<ReturnType<typeof loadImportRun>>;
const KINDS = ["children", "people", "entries"] as const;

// What one import changed: counts of children, people and entries created, updated, unchanged.
export async function ImportRunPage({ view }: { view: View }) {
  const [t, locale] = await Promise.all([getT("admin"), getLocale()]);
  const { run } = view;
  return (
    <div className="stack narrow">
      <AdminNav current="imports" />
      <h1>{t("imports.runTitle")}</h1>
      <dl className="facts">
        {run.fileName ? <><dt>{t("imports.fileName")}</dt><dd><bdi dir="ltr">{run.fileName}</bdi></dd></> : null}
        <dt>{t("imports.source")}</dt><dd><bdi dir="auto">{run.source}</bdi></dd>
        <dt>{t("imports.exportedAt")}</dt><dd>{formatDateTime(run.exportedAt, locale)}</dd>
        <dt>{t("imports.importedAt")}</dt><dd>{formatDateTime(run.startedAt, locale)}</dd>
      </dl>
      <table className="summary-table">
        <caption>{t("imports.summary")}</caption>
        <thead>
          <tr><th scope="col">{t("imports.what")}</th><th scope="col">{t("imports.created")}</th><th scope="col">{t("imports.updated")}</th><th scope="col">{t("imports.unchanged")}</th></tr>
        </thead>
        <tbody>
          {KINDS.map((k) => (
            <tr key={k}><th scope="row">{t(`imports.kind.${k}`)}</th><td>{run.counts[k].created}</td><td>{run.counts[k].updated}</td><td>{run.counts[k].unchanged}</td></tr>
          ))}
        </tbody>
      </table>
      <p><Link href={paths.adminImports()} prefetch={false}>{t("imports.back")}</Link></p>
    </div>
  );
}
