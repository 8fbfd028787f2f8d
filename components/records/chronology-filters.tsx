import { ENTRY_TYPES, PERIODS, type ChronologyQuery } from "@/lib/records/chronology-filter";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";

// A plain GET form, so filtering works with JavaScript off and the choice is in the address.
export async function ChronologyFilters({ childId, query }: { childId: string; query: ChronologyQuery }) {
  const t = await getT("record");
  return (
    <form method="get" action={paths.record(childId)} className="filters">
      <fieldset>
        <legend>{t("chronology.filters")}</legend>
        <div className="field">
          <label htmlFor="filter-type">{t("chronology.filterType")}</label>
          <select id="filter-type" name="type" defaultValue={query.type ?? ""}>
            <option value="">{t("chronology.allTypes")}</option>
            {ENTRY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-period">{t("chronology.filterPeriod")}</label>
          <select id="filter-period" name="period" defaultValue={query.period ?? ""}>
            <option value="">{t("chronology.allPeriods")}</option>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("chronology.apply")}
        </button>
      </fieldset>
    </form>
  );
}
