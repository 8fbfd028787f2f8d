import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "./actor.ts";
import { audienceOf, readableEntryWhere } from "./entries.ts";
import { childWhereForActor } from "./policy.ts";

// Who reads a record's sharing log ("who my information was shared with"), and which shares in
// it: the sharing log's loader (lib/consent/sharing-log.ts) and "what's new" about a share
// (lib/news/visible.ts) both ask these, so an item never tells of a share its reader cannot see.

const NOTHING_CHILD: Prisma.ChildWhereInput = { id: { in: [] } };

/**
 * Records whose sharing log this viewer may read: anyone who may open the record, except that
 * parents and carers need parental responsibility (where the child's information went is theirs
 * to know when they decide about it).
 */
export function sharingLogChildWhere(actor: Actor): Prisma.ChildWhereInput {
  if (audienceOf(actor) === "none" || !actor.userId) return NOTHING_CHILD;
  if (audienceOf(actor) !== "family") return childWhereForActor(actor);
  const responsible: Prisma.ChildWhereInput = { people: { some: { parentalResponsibility: true, person: { accounts: { some: { id: actor.userId } } } } } };
  return { AND: [childWhereForActor(actor), responsible] };
}

/**
 * Shares in the log this viewer sees: staff every share of a record they may open; anyone else
 * only a share whose every entry they may read (the same rules as the entries themselves).
 * Composed with sharingLogChildWhere by the caller; childId null means any record.
 */
export function listedShareWhere(actor: Actor, childId: string | null): Prisma.SharingRecordWhereInput {
  const inRecord: Prisma.SharingRecordWhereInput = childId === null ? {} : { childId };
  if (audienceOf(actor) === "staff") return inRecord;
  return { AND: [inRecord, { entries: { every: { entry: readableEntryWhere(actor, childId) } } }] };
}
