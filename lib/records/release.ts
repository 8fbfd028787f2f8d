import "server-only";
import { audienceOf, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { tellEntryReaders } from "../news/index.ts";

// "Read with your worker": an entry waits, for the child, until a worker who has gone through it
// with them releases it. Only staff who may read the record can release; releasing twice is a no-op.
export async function releaseEntry(input: { db: Db; clock: Clock; actor: Actor; childId: string; entryId: string }) {
  const { db, actor, childId, entryId } = input;
  if (audienceOf(actor) !== "staff") throw new NotFound();
  await db.$transaction(async (tx) => {
    const entry = await tx.entry.findFirst({
      where: { AND: [readableEntryWhere(actor, childId), { id: entryId, readWithWorker: true }] },
      select: { id: true, childId: true, releasedAt: true },
    });
    if (!entry) throw new NotFound();
    if (entry.releasedAt) return;
    const now = input.clock.now();
    await tx.entry.update({ where: { id: entry.id }, data: { releasedAt: now, releasedById: actor.userId } });
    await appendAudit(tx, { actor, action: "entry.released", childId: entry.childId, subjectType: "entry", subjectId: entry.id, at: now });
    // Until now nobody on the family side could read it: the child (whose "to read with your
    // worker" item goes with the wait) and everyone else who may read it hear it is there.
    await tellEntryReaders(tx, { childId: entry.childId, entryId: entry.id, now });
  });
}
