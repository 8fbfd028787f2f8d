import "server-only";
import { Conflict } from "../errors/index.ts";
import type { Db, Prisma } from "../db/index.ts";

// What a manager saw when they opened an entry's withholding, as one number carried in the review
// and decision forms (as correction requests carry theirs). No column holds it: it is the sum of
// things that only ever grow (the entry's own version, and its append-only proposals, decisions
// and reviews), so any change to what is decided about the entry makes it larger. Read under the
// entry's lock (lib/records/entry-lock.ts), the check and the change it guards are one step: of
// two managers acting on what they both saw, the second is told someone else changed it.

type Reader = Db | Prisma.TransactionClient;

export async function restrictionVersion(db: Reader, entry: { id: string; version: number }): Promise<number> {
  // One after another: inside a transaction the queries share one connection.
  const proposals = await db.restrictionProposal.count({ where: { entryId: entry.id } });
  const decisions = await db.restrictionDecision.count({ where: { proposal: { entryId: entry.id } } });
  const reviews = await db.restrictionReview.count({ where: { restriction: { entryId: entry.id } } });
  return entry.version + proposals + decisions + reviews;
}

/** Conflict unless the entry's withholding is as the manager saw it. Call with the entry locked. */
export async function checkRestrictionVersion(tx: Prisma.TransactionClient, entry: { id: string; version: number }, seen: number) {
  if ((await restrictionVersion(tx, entry)) !== seen) throw new Conflict("Someone else changed this restriction");
}
