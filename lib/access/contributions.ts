import type { Prisma } from "../db/generated/client.ts";
import type { Actor } from "./actor.ts";
import { audienceOf } from "./entries.ts";
import { childWhereForActor } from "./policy.ts";

// The single home of "which contributions may this person read". A contribution is a message to
// the child's caseworker, so by default only its sender and the child's staff read it:
// - its sender always (drafts are theirs alone), while they can still open the record;
// - the child: what an advocate wrote with or for them, and what a parent chose to show them;
// - parents and carers: what the child, or another parent, chose to show the family;
// - an advocate: what they wrote (a child's own messages to their worker stay private);
// - the child's caseworker and managers: everything sent (never drafts);
// - an admin: nothing.

const NOTHING: Prisma.ContributionWhereInput = { id: { in: [] } };
const SENT: Prisma.ContributionWhereInput = { status: { not: "draft" } };

export function readableContributionWhere(actor: Actor, childId: string | null): Prisma.ContributionWhereInput {
  const audience = audienceOf(actor);
  if (audience === "none" || !actor.userId) return NOTHING;
  const onRecord: Prisma.ContributionWhereInput[] = [{ child: childWhereForActor(actor) }];
  if (childId !== null) onRecord.push({ childId });
  const own: Prisma.ContributionWhereInput = { authorId: actor.userId };
  const shown = shownTo(actor);
  return { AND: [...onRecord, shown ? { OR: [own, { AND: [SENT, shown] }] } : own] };
}

/** What this person reads of other people's sent contributions, beyond their own. */
function shownTo(actor: Actor): Prisma.ContributionWhereInput | null {
  switch (actor.role) {
    case "caseworker":
    case "manager":
      return {};
    case "child":
      return { OR: [{ helpedById: { not: null } }, { sharedWithChild: true }] };
    case "parent":
    case "carer":
      return { sharedWithFamily: true };
    default:
      return null;
  }
}

/** Who may send one at all: the child, their family and their advocate, never staff or admins. */
export function maySendContribution(actor: Actor): boolean {
  return actor.role === "child" || actor.role === "parent" || actor.role === "carer" || actor.role === "advocate";
}
