import Link from "next/link";
import type { loadImports } from "@/lib/admin/loaders";
import { formatDateTime } from "@/lib/i18n/format";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { AdminNav } from "./admin-nav";
import { ImportForm } from "./import-form";
import { Pager } from "./pager";

type View = Awaited<ReturnType<typeof loadImports>>;

// Import case records from the council's system, and the history of imports.
export async function ImportsPage({ view }: { view: View }) {
  const [t, locale] = await Promise.all([getT("admin"), getLocale()]);
  const { history } = view;
  return (
    <div className="stack">
      <AdminNav current="imports" />
      <h1>{t("imports.title")}</h1>
      <p>{t("imports.intro")}</p>
      <I18nProvider locale={locale} resources={pickResources(locale, ["admin"])}>
        <ImportForm />
      </I18nProvider>
      <p className="hint">{t("imports.cli")}</p>
      <h2 id="history">{t("imports.history")}</h2>
      {history.runs.length === 0 ? <p>{t("imports.noHistory")}</p> : (
        <ul className="card-list" aria-labelledby="history">
          {history.runs.map((run) => (
            <li key={run.id} className="card">
              <Link href={paths.adminImport(run.id)} className="card-title" prefetch={false}>{formatDateTime(run.startedAt, locale)}</Link>
              <p className="hint">
                {run.fileName ? <><bdi dir="ltr">{run.fileName}</bdi> · </> : null}
                {t("imports.entriesLine", run.counts.entries)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={history.page} pages={history.pages} href={(page) => paths.adminImports({ page })} />
    </div>
  );
}
