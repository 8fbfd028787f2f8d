import { reviewShareAction } from "@/lib/consent/share-actions";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { StepForm } from "../forms/step-form";

type Review = { shown: boolean; latest: { outcome: "keep_withheld" | "show_to_child"; note: string; reviewedAt: Date; by: string } | null };

// Staff only: where a reason kept from the child stands, and for the managers who review it, the form.
export async function ShareReviewBox({ childId, shareId, review, mayReview, locale }: { childId: string; shareId: string; review: Review; mayReview: boolean; locale: string }) {
  const t = await getT("consent");
  const latest = review.latest;
  return (
    <div className="panel stack">
      <h3>{t("review.heading")}</h3>
      {latest ? (
        <>
          <p>{t(latest.outcome === "show_to_child" ? "review.shown" : "review.kept", { name: latest.by, date: formatDate(latest.reviewedAt, locale) })}</p>
          <p className="message-text" dir="auto">{t("review.note", { note: latest.note })}</p>
        </>
      ) : <p><strong className="tag tag-overdue">{t("review.awaiting")}</strong></p>}
      {mayReview ? (
        <StepForm name={`review-${shareId}`} action={reviewShareAction} hidden={{ childId, shareId }} submit={t("review.submit")} secondary fields={[
          { kind: "radios", name: "outcome", label: t("review.legend"), options: [{ value: "keep_withheld", label: t("review.keep_withheld") }, { value: "show_to_child", label: t("review.show_to_child") }] },
          { kind: "textarea", name: "note", label: t("review.noteLabel"), rows: 3 },
        ]} />
      ) : null}
    </div>
  );
}
