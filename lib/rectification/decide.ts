import "server-only";
import type { Prisma } from "../db/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { correctEntry, type Fix } from "./correct-entry.ts";
import { change, checkVersion, isStaff, lockRequest, notify, recordStep, type Ref } from "./steps.ts";

type Outcome = "corrected" | "partly_corrected" | "not_corrected";
export type Decision = { version: number; outcome: Outcome; reason: string; fixes: Fix[] };

/**
 * The caseworker's decision. Corrected (or partly): each corrected part becomes a new version of
 * its entry. Not corrected (or partly): the reasons, in plain words, are shown to the requester
 * with how to complain to the Information Commissioner. Two people deciding at once: the second
 * gets a conflict, and nothing of either is lost.
 */
export async function decideRequest(ref: Ref & Decision) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (!isStaff(ref.actor)) throw new NotFound();
    if (row.status === "withdrawn") throw new Conflict("This request was withdrawn");
    if (row.status === "decided") throw new Conflict("Already decided");
    checkVersion(row, ref.version);
    checkDecision(ref, new Set(row.items.map((i) => i.entryId)));
    const now = ref.clock.now();
    for (const [entryId, fixes] of byEntry(ref.fixes)) await correctEntry(tx, { entryId, fixes, requestId: row.id, actor: ref.actor, now });
    await change(tx, row, { status: "decided", outcome: ref.outcome, decisionReason: ref.reason || null, decidedAt: now, closedAt: now, pausedOn: null });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: ref.outcome, note: ref.reason || null });
    await notifyRequester(tx, row, now);
  });
}

function checkDecision(d: Decision, entries: Set<string>) {
  const invalid = (message: string, path = "outcome") => new Invalid("Decision refused", [{ path, message }]);
  if (d.outcome !== "corrected" && !d.reason) throw invalid("corrections:errors.reasonNeeded", "reason");
  if (d.outcome === "not_corrected" && d.fixes.length) throw invalid("corrections:errors.fixNotCorrected", "fix");
  if (d.outcome !== "not_corrected" && d.fixes.length === 0) throw invalid("corrections:errors.noFix", "fix");
  if (d.fixes.some((f) => !entries.has(f.entryId))) throw new NotFound();
}

function byEntry(fixes: Fix[]): Map<string, Fix[]> {
  const out = new Map<string, Fix[]>();
  for (const f of fixes) out.set(f.entryId, [...(out.get(f.entryId) ?? []), f]);
  return out;
}

async function notifyRequester(tx: Prisma.TransactionClient, row: { id: string; childId: string; requesterId: string }, now: Date) {
  await notify(tx, row.requesterId, row, now, "correction-decided");
}
