import "server-only";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { tellFamilySide } from "../news/index.ts";
import { paths } from "../paths.ts";
import { awaitingReviewWhere, mayReviewShares, reviewedChildWhere } from "./share-reviewers.ts";

export type ShareReviewInput = { childId: string; shareId: string; outcome: "keep_withheld" | "show_to_child"; note: string };

/**
 * A manager reviews a share whose reason is kept from the child: keep it back, or show it to the
 * child. Only the managers of the team whose caseworker is allocated to the child may; anyone else
 * finds nothing. The share's row is locked, so reviews of one share happen one after another and
 * each names the review it replaces; the newest stands. Nothing is ever overwritten.
 */
export async function reviewShare(input: { db: Db; clock: Clock; actor: Actor; review: ShareReviewInput }): Promise<{ id: string }> {
  const { db, actor, review } = input;
  if (!(await mayReviewShares(db, actor, review.childId))) throw new NotFound();
  if (!/^[0-9a-f-]{36}$/i.test(review.shareId)) throw new NotFound();
  const note = review.note.trim();
  if (!note) throw new Invalid("A note is needed", [{ path: "note", message: "consent:review.errors.noteNeeded" }]);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "SharingRecord" WHERE "id" = ${review.shareId} AND "childId" = ${review.childId} AND "reasonWithheld" FOR UPDATE`;
    if (rows.length === 0) throw new NotFound();
    const now = input.clock.now();
    const current = await tx.shareReview.findFirst({ where: { shareId: review.shareId, replacedBy: null }, select: { id: true } });
    const made = await tx.shareReview.create({
      data: { shareId: review.shareId, reviewedById: actor.userId, outcome: review.outcome, note, replacesId: current?.id ?? null, reviewedAt: now },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: "share.reviewed", childId: review.childId, subjectType: "share", subjectId: review.shareId, detail: { outcome: review.outcome }, at: now });
    // Shown to the child at last: the family side hears of the share now (recordShare held it
    // back). Once only: if it was shown before and kept back since, those items show again by
    // themselves (lib/news/visible.ts asks the standing review).
    if (review.outcome === "show_to_child" && (await tx.newsItem.count({ where: { shareId: review.shareId } })) === 0) {
      await tellFamilySide(tx, { childId: review.childId, kind: "share-recorded", link: paths.sharingLog(review.childId), shareId: review.shareId, now });
    }
    return made;
  });
}

/** For a manager's home: the children with shares awaiting review, and how many each. */
export async function findSharesAwaitingReview(input: { db: Db; actor: Actor }) {
  if (input.actor.role !== "manager") return [];
  const children = await input.db.child.findMany({
    where: { AND: [reviewedChildWhere(input.actor), { sharingRecords: { some: awaitingReviewWhere } }] },
    select: { id: true, fullName: true, preferredName: true, _count: { select: { sharingRecords: { where: awaitingReviewWhere } } } },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    take: 50,
  });
  return children.map((c) => ({ id: c.id, name: c.preferredName ?? c.fullName, count: c._count.sharingRecords }));
}
