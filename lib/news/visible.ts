import type { Prisma } from "../db/generated/client.ts";
import { audienceOf, readableEntryWhere, waitingEntryWhere, type Actor } from "../access/index.ts";
import { childWhereForActor } from "../access/policy.ts";
import { oldestKept } from "./kinds.ts";

const NOTHING: Prisma.NewsItemWhereInput = { id: { in: [] } };

/**
 * The single rule for which items of "what's new" a reader sees: their own, from the last 12
 * months, on a record they may still open, and, where an item is about an entry, only while they
 * may still read that entry (or, for "to read with your worker", while it still waits for them).
 * An item was written only for someone who could see what it tells about; this keeps it true
 * afterwards, when an entry is kept back, a name is excluded or access ends.
 */
export function visibleNewsWhere(actor: Actor, now: Date): Prisma.NewsItemWhereInput {
  const audience = audienceOf(actor);
  if (audience === "staff" || audience === "none" || !actor.userId) return NOTHING;
  return {
    AND: [
      { recipientId: actor.userId },
      { createdAt: { gte: oldestKept(now) } },
      { child: childWhereForActor(actor) },
      {
        OR: [
          { entryId: null },
          { kind: { not: "entry-to-read" }, entry: readableEntryWhere(actor, null) },
          { kind: "entry-to-read", entry: waitingEntryWhere(actor, null) },
        ],
      },
    ],
  };
}
