import "server-only";
import type { Actor } from "../access/index.ts";
import type { Db, Prisma } from "../db/index.ts";

type Reader = Db | Prisma.TransactionClient;

/**
 * The managers who review a share's withheld reason: the managers of the team whose caseworker is
 * allocated to the child (the same people the share-review notification goes to).
 */
export function reviewingManagerWhere(childId: string): Prisma.UserWhereInput {
  return { role: "manager", disabledAt: null, team: { members: { some: { role: "caseworker", grants: { some: { childId, kind: "allocation", revokedAt: null } } } } } };
}

/** The children whose shares this manager reviews (nothing for anyone else). */
export function reviewedChildWhere(actor: Actor): Prisma.ChildWhereInput {
  if (actor.role !== "manager" || !actor.userId) return { id: { in: [] } };
  const manager = { id: actor.userId, role: "manager", disabledAt: null } as const;
  return { grants: { some: { kind: "allocation", revokedAt: null, user: { role: "caseworker", team: { members: { some: manager } } } } } };
}

export async function mayReviewShares(db: Reader, actor: Actor, childId: string): Promise<boolean> {
  if (actor.role !== "manager" || !actor.userId) return false;
  return (await db.user.count({ where: { AND: [{ id: actor.userId }, reviewingManagerWhere(childId)] } })) > 0;
}

/** Shares whose reason is kept from the child and that no manager has reviewed yet. */
export const awaitingReviewWhere: Prisma.SharingRecordWhereInput = { reasonWithheld: true, reviews: { none: {} } };

