import { getT } from "@/lib/i18n/server";
import { RESTRICTION_REASONS } from "@/lib/restrictions/form";
import { decideRestrictionAction, proposeRestrictionAction, reviewRestrictionAction } from "@/lib/restrictions/actions";
import { StepForm, type Field } from "../forms/step-form";

type Ids = { childId: string; entryId: string };

async function reasonField(): Promise<Field> {
  const t = await getT("staff");
  return {
    kind: "select", name: "reason", label: t("restriction.reasonLabel"),
    options: [{ value: "", label: t("restriction.reasonChoose") }, ...RESTRICTION_REASONS.map((r) => ({ value: r, label: t(`restriction.reasons.${r}`) }))],
  };
}

async function reviewDueField(label: "reviewDueLabel" | "nextReview"): Promise<Field> {
  const t = await getT("staff");
  return { kind: "date", name: "reviewDue", label: t(`restriction.${label}`), hint: t("restriction.reviewDueHint") };
}

/**
 * Keep an entry back from the child, show it again, or change why and until when. A caseworker's
 * goes to a manager; a manager's takes effect at once (the server decides which, not this form).
 */
export async function ProposeRestrictionForm({ ids, withChild, manager }: { ids: Ids; withChild: boolean; manager: boolean }) {
  const t = await getT("staff");
  // A manager shows a kept-back entry through their review; here they change its reason or date.
  const fixed = withChild ? "withhold" : manager ? "withhold" : null;
  const heading = withChild ? "withhold" : manager ? "change" : "liftOrChange";
  const change: Field[] = fixed
    ? []
    : [{ kind: "radios", name: "change", label: t("restriction.change"), options: [{ value: "lift", label: t("restriction.changeLift") }, { value: "withhold", label: t("restriction.proposeHeading.change") }] }];
  return (
    <section className="panel stack" aria-labelledby={`propose-${ids.entryId}`}>
      <h3 id={`propose-${ids.entryId}`}>{t(`restriction.proposeHeading.${heading}`)}</h3>
      <p className="hint">{t(manager ? "restriction.managerHint" : "restriction.proposeHint")}</p>
      <StepForm
        name="propose"
        action={proposeRestrictionAction}
        hidden={fixed ? { ...ids, change: fixed } : ids}
        submit={t(manager ? "restriction.submitManager" : "restriction.submitPropose")}
        secondary
        fields={[...change, await reasonField(), { kind: "textarea", name: "note", label: t("restriction.noteLabel"), rows: 3 }, await reviewDueField("reviewDueLabel")]}
      />
    </section>
  );
}

// The review and decision forms carry the version the manager saw (also with JavaScript off):
// a second manager acting on the same page gets "someone else changed this", and nothing changes.
export async function DecideRestrictionForm({ childId, proposalId, change, version }: { childId: string; proposalId: string; change: "withhold" | "lift"; version: number }) {
  const t = await getT("staff");
  const outcomes = (change === "lift" ? (["approved", "rejected"] as const) : (["approved", "changed", "rejected"] as const)).map((o) => ({ value: o, label: t(`restriction.outcomes.${o}`) }));
  const changes: Field[] = change === "withhold" ? [await reasonField(), await reviewDueField("reviewDueLabel")] : [];
  return (
    <StepForm
      name="decide"
      action={decideRestrictionAction}
      hidden={{ childId, proposalId, version: String(version) }}
      submit={t("restriction.submitDecide")}
      fields={[{ kind: "radios", name: "outcome", label: t("restriction.outcome"), options: outcomes }, { kind: "textarea", name: "note", label: t("restriction.decisionNote"), rows: 3 }, ...changes]}
    />
  );
}

export async function ReviewRestrictionForm({ ids, version }: { ids: Ids; version: number }) {
  const t = await getT("staff");
  return (
    <section className="panel stack" aria-labelledby={`review-${ids.entryId}`}>
      <h3 id={`review-${ids.entryId}`}>{t("restriction.reviewHeading")}</h3>
      <StepForm
        name="review"
        action={reviewRestrictionAction}
        hidden={{ ...ids, version: String(version) }}
        submit={t("restriction.submitReview")}
        secondary
        fields={[
          { kind: "radios", name: "stillApplies", label: t("restriction.stillApplies"), options: [{ value: "yes", label: t("restriction.stillYes") }, { value: "no", label: t("restriction.stillNo") }] },
          { kind: "textarea", name: "note", label: t("restriction.reviewNote"), rows: 3 },
          await reviewDueField("nextReview"),
        ]}
      />
    </section>
  );
}
