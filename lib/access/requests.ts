import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "./actor.ts";
import { audienceOf } from "./entries.ts";
import { childWhereForActor } from "./policy.ts";

// The single home of "which correction requests may this person read". A request says what
// someone thinks is wrong in a record: it is theirs and the child's staff's, nobody else's.
// - its requester, while they can still open the record;
// - the child: requests an advocate made with or for them;
// - the child's caseworker and managers: every request on the record;
// - other parents and carers, other advocates and admins: none.

const NOTHING: Prisma.RectificationRequestWhereInput = { id: { in: [] } };

export function readableRequestWhere(actor: Actor, childId: string | null): Prisma.RectificationRequestWhereInput {
  if (audienceOf(actor) === "none" || !actor.userId) return NOTHING;
  const onRecord: Prisma.RectificationRequestWhereInput[] = [{ child: childWhereForActor(actor) }];
  if (childId !== null) onRecord.push({ childId });
  if (audienceOf(actor) === "staff") return { AND: onRecord };
  const own: Prisma.RectificationRequestWhereInput = { requesterId: actor.userId };
  const forMe: Prisma.RectificationRequestWhereInput | null = actor.role === "child" ? { helpedById: { not: null } } : null;
  return { AND: [...onRecord, forMe ? { OR: [own, forMe] } : own] };
}
