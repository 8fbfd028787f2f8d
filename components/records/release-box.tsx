import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { releaseEntryAction } from "@/lib/records/actions";

// Staff only: an entry the child is to read with a worker, and the button for afterwards.
export async function ReleaseBox({ childId, entryId, releasedAt, locale }: { childId: string; entryId: string; releasedAt: Date | null; locale: string }) {
  const t = await getT("record");
  if (releasedAt) return <p className="alert">{t("release.released", { date: formatDate(releasedAt, locale) })}</p>;
  return (
    <div className="alert stack">
      <p>{t("release.waiting")}</p>
      <form action={releaseEntryAction}>
        <input type="hidden" name="childId" value={childId} />
        <input type="hidden" name="entryId" value={entryId} />
        <button type="submit" className="button">{t("release.button")}</button>
      </form>
    </div>
  );
}
