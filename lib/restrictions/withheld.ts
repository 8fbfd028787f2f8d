import "server-only";
import { withheldEntryWhere, type Actor } from "../access/index.ts";
import { londonDate, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import type { RestrictionReason } from "../db/generated/enums.ts";

// What a viewer learns about what is withheld from them. Decided per reason:
// - serious-harm: never itemised. Saying "something is kept from you because it could cause
//   harm" can itself put someone at risk, so the page only says, to everyone alike, that a
//   record can hold such things. Not even its review date is shown.
// - confidential, third-party, court: the plain reason and when it will next be looked at.
// Never shown for any reason: how many entries, their dates, titles, types, authors or notes.
export const DISCLOSED_REASONS: readonly RestrictionReason[] = ["confidential", "third_party", "court"];

// A review date that has passed is not a promise any more: the reader is told the review is late
// (derived from the clock at reading time, so it is never out of date and needs no job).
export type WithheldReason = { reason: RestrictionReason; nextReview: Date | null; overdue: boolean };

export async function summariseWithheld(input: { db: Db; clock: Clock; actor: Actor; childId: string }): Promise<WithheldReason[]> {
  const rows = await input.db.restriction.findMany({
    where: { reason: { in: [...DISCLOSED_REASONS] }, entry: withheldEntryWhere(input.actor, input.childId) },
    select: {
      reason: true,
      reviewDue: true,
      reviews: { orderBy: { reviewedAt: "desc" }, take: 1, select: { nextReviewDue: true, stillApplies: true } },
    },
  });
  const soonest = new Map<RestrictionReason, Date | null>();
  for (const r of rows) {
    const latest = r.reviews[0];
    if (latest && !latest.stillApplies) continue; // lifted at review: the entry's sharing will follow
    const due = latest ? latest.nextReviewDue : r.reviewDue;
    const current = soonest.get(r.reason);
    if (!soonest.has(r.reason) || (due && (!current || due < current))) soonest.set(r.reason, due);
  }
  const now = input.clock.now();
  return DISCLOSED_REASONS.filter((r) => soonest.has(r)).map((reason) => {
    const nextReview = soonest.get(reason) ?? null;
    return { reason, nextReview, overdue: nextReview !== null && nextReview < toDateColumn(londonDate(now)) };
  });
}

