import type { Prisma } from "../db/generated/client.ts";
// The access rules' own files, not lib/access/index.ts: lib/access/grants.ts tells of advocates
// through lib/news, and going through the index would make the two load each other.
import type { Actor } from "../access/actor.ts";
import { audienceOf, readableEntryWhere, waitingEntryWhere } from "../access/entries.ts";
import { childWhereForActor } from "../access/policy.ts";
import { listedShareWhere, sharingLogChildWhere } from "../access/shares.ts";
import { oldestKept } from "./kinds.ts";

const NOTHING: Prisma.NewsItemWhereInput = { id: { in: [] } };

/**
 * The single rule for which items of "what's new" a reader sees: their own, from the last 12
 * months (ownNewsWhere), on a record they may still open, and, where an item is about an entry,
 * only while they may still read that entry (or, for "to read with your worker", while it still
 * waits for them); where it is about a share, only while they may see that share in the sharing
 * log (stillVisibleNewsWhere). tell() asks this same rule before it keeps an item (or sends its
 * email), so an item is written only for someone who may see what it tells about; asked again at
 * every read, it stays true afterwards, when an entry is kept back, a name is excluded or access ends.
 */
export function visibleNewsWhere(actor: Actor, now: Date): Prisma.NewsItemWhereInput {
  return { AND: [ownNewsWhere(actor, now), stillVisibleNewsWhere(actor)] };
}

/** The reader's own items of the year kept: all an index on the recipient needs to find them. */
export function ownNewsWhere(actor: Actor, now: Date): Prisma.NewsItemWhereInput {
  if (!hasNews(actor)) return NOTHING;
  return { recipientId: actor.userId, createdAt: { gte: oldestKept(now) } };
}

/**
 * The rest of the rule: what an item tells of is still theirs to see. Only for rows already
 * chosen by ownNewsWhere (lib/news/queries.ts reads those a window at a time, then asks this of
 * the window's ids, so the database looks each up by id instead of reading all a reader's items).
 */
export function stillVisibleNewsWhere(actor: Actor): Prisma.NewsItemWhereInput {
  if (!hasNews(actor)) return NOTHING;
  return {
    AND: [
      { child: childWhereForActor(actor) },
      {
        OR: [
          { entryId: null },
          { kind: { not: "entry-to-read" }, entry: readableEntryWhere(actor, null) },
          { kind: "entry-to-read", entry: waitingEntryWhere(actor, null) },
        ],
      },
      { OR: [{ shareId: null }, { share: visibleShareWhere(actor) }] },
    ],
  };
}

/** Whether this person has a "what's new" at all: children, families and advocates (staff have their inbox). */
export function hasNews(actor: Actor): boolean {
  const audience = audienceOf(actor);
  return Boolean(actor.userId) && (audience === "child" || audience === "family");
}

/**
 * A share this reader may be told of: one they see in the sharing log, and, when its reason is
 * kept from the child, only once a manager's standing review shows it to the child
 * (lib/consent/share-review.ts). Until then nobody on the family side is told: the share may be
 * one the child must not hear of from a parent either.
 */
function visibleShareWhere(actor: Actor): Prisma.SharingRecordWhereInput {
  return {
    AND: [
      listedShareWhere(actor, null),
      { child: sharingLogChildWhere(actor) },
      { OR: [{ reasonWithheld: false }, { reviews: { some: { replacedBy: null, outcome: "show_to_child" } } }] },
    ],
  };
}
