import "server-only";
import { audienceOf, listedShareWhere, sharingLogChildWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

/**
 * "Who my information was shared with", newest first: for the child, their advocate, parents and
 * carers with parental responsibility, and staff. A share of entries shows only to someone who may
 * read every one of them (the same rules as entries); a reason withheld from the child shows to
 * staff only, until a manager's standing review says to show it (the share is never changed).
 */
export async function findSharingLog(input: { db: Db; actor: Actor; childId: string }) {
  const { db, actor, childId } = input;
  // Parents and carers read the log only with parental responsibility (lib/access/shares.ts).
  const child = await db.child.findFirst({ where: { AND: [{ id: childId }, sharingLogChildWhere(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  const staff = audienceOf(actor) === "staff";
  const rows = await db.sharingRecord.findMany({
    where: listedShareWhere(actor, childId),
    orderBy: [{ sharedOn: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true, recipient: true, recipientName: true, what: true, description: true, purpose: true, lawfulBasis: true, reason: true, reasonWithheld: true, sharedOn: true,
      recordedBy: { select: { displayName: true } },
      consentDecision: { select: { decidedAt: true, basis: true, decidedBy: { select: { displayName: true } } } },
      entries: { select: { entry: { select: { id: true, title: true } } } },
      reviews: { where: { replacedBy: null }, take: 1, select: { outcome: true, note: true, reviewedAt: true, reviewedBy: { select: { displayName: true } } } },
    },
  });
  return rows.map(({ reviews, ...r }) => {
    const review = reviews[0] ?? null;
    const shown = !r.reasonWithheld || review?.outcome === "show_to_child";
    return {
      ...r,
      reason: staff || shown ? r.reason : null,
      reasonWithheld: staff ? r.reasonWithheld : false,
      review: staff && r.reasonWithheld ? { shown, latest: review && { outcome: review.outcome, note: review.note, reviewedAt: review.reviewedAt, by: review.reviewedBy.displayName } } : null,
      entries: r.entries.map((e) => e.entry),
    };
  });
}
