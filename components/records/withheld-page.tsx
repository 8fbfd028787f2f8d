import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { loadWithheld } from "@/lib/records/loaders";
import type { WithheldReason } from "@/lib/restrictions";
import { RecordNav } from "./record-nav";

type View = Awaited<ReturnType<typeof loadWithheld>>;

// Only reason categories and review dates: never how many, when, what or by whom. Reasons for
// serious harm are never listed (see lib/restrictions/withheld.ts); the safety paragraph is shown to
// everyone alike, so it says nothing about this record.
export async function WithheldPage({ view }: { view: View }) {
  const t = await getT("record");
  const { actor, reader, record, locale, reasons } = view;
  // A passed review date is not shown as a promise about the past, nor as a warning: the child is
  // told once, calmly, that it is being looked at again. Lateness is the managers' to act on (their
  // home counts overdue reviews).
  const reviewLine = (r: WithheldReason) => {
    if (r.overdue) return null;
    if (!r.nextReview) return t("withheld.noReviewDate");
    return t("withheld.nextReview", { date: formatDate(r.nextReview, locale) });
  };
  return (
    <div className="stack">
      <RecordNav actor={actor} record={record} />
      <h1>{t("withheld.title")}</h1>
      <p>{t(`byReader.withheldIntro.${reader}`, { name: record.name })}</p>
      {/* Staff read the whole record: the child's "kept back from you" list is not theirs. */}
      {reader === "staff" ? null : view.forFamily ? (
        <p>{t("withheld.family")}</p>
      ) : (
        <>
          <h2>{t("withheld.reasonsHeading")}</h2>
          {reasons.length === 0 ? (
        <p>{t("withheld.none")}</p>
      ) : (
        <ul className="card-list">
          {reasons.map((r) => (
            <li key={r.reason} className="card">
              <p>{t(`withheld.reasons.${r.reason}`)}</p>
              {r.overdue ? null : <p className="hint">{reviewLine(r)}</p>}
            </li>
          ))}
        </ul>
          )}
          {reasons.some((r) => r.overdue) ? <p>{t("withheld.reviewing")}</p> : null}
        </>
      )}
      <h2>{t("withheld.safetyHeading")}</h2>
      <p>{t("withheld.safety")}</p>
      <h2>{t("withheld.askHeading")}</h2>
      <p>{t(`byReader.withheldAsk.${reader}`, { name: record.name })}</p>
    </div>
  );
}
