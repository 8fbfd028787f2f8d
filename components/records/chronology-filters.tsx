import { ENTRY_TYPES, PERIODS, type ChronologyQuery } from "@/lib/records/chronology-filter";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { SelectField } from "../ui/select-field";

// A plain GET form, so filtering works with JavaScript off and the choice is in the address.
export async function ChronologyFilters({ childId, query }: { childId: string; query: ChronologyQuery }) {
  const t = await getT("record");
  return (
    <form method="get" action={`${paths.record(childId)}#entries`} className="filters">
      <fieldset>
        <legend>{t("chronology.filters")}</legend>
        <SelectField id="filter-type" name="type" label={t("chronology.filterType")} value={query.type} anyLabel={t("chronology.allTypes")}
          options={ENTRY_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))} />
        <SelectField id="filter-period" name="period" label={t("chronology.filterPeriod")} value={query.period} anyLabel={t("chronology.allPeriods")}
          options={PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))} />
        <button type="submit" className="button button-secondary">
          {t("chronology.apply")}
        </button>
      </fieldset>
    </form>
  );
}
