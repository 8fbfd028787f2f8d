import "server-only";
import { readableEntryWhere } from "../access/index.ts";
import type { RequestOutcome } from "../db/index.ts";
import { Conflict, NotFound } from "../errors/index.ts";
import { change, lockRequest, recordStep, type Ref } from "./steps.ts";

/** The decisions that leave the requester room for their own view (also what lib/home/waiting.ts offers). */
export const DISAGREEABLE_OUTCOMES: RequestOutcome[] = ["not_corrected", "partly_corrected"];

/**
 * When an entry was not corrected (or only partly), the requester may add their own view: a
 * statement of disagreement that stands with the entry wherever it appears (entry page,
 * chronology, PDF copy), for everyone who can read the entry. It is never changed or removed.
 */
export async function addDisagreement(ref: Ref & { entryId: string; text: string }) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (row.requesterId !== ref.actor.userId) throw new NotFound();
    // An entry of the request that the requester may still read (the request page names no other).
    const item = await tx.rectificationItem.count({ where: { requestId: row.id, entryId: ref.entryId, entry: readableEntryWhere(ref.actor, row.childId) } });
    if (item === 0) throw new NotFound();
    if (!row.outcome || !DISAGREEABLE_OUTCOMES.includes(row.outcome)) throw new Conflict("Only when an entry was not corrected");
    const now = ref.clock.now();
    await tx.disagreementStatement.create({ data: { requestId: row.id, entryId: ref.entryId, authorId: ref.actor.userId, text: ref.text, createdAt: now } });
    await change(tx, row, {});
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: "disagreement_added" });
  });
}
