import "server-only";
import { readableContributionWhere, type Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { Conflict, NotFound } from "../errors/index.ts";
import { recordStep } from "./send.ts";

/**
 * Its sender takes a contribution back, until a caseworker has opened it. The row stays (marked
 * withdrawn, with its history); staff then no longer see it in their inbox as waiting.
 */
export async function withdrawContribution(input: { db: Db; clock: Clock; actor: Actor; childId: string; contributionId: string }) {
  const { db, actor, childId, contributionId } = input;
  await db.$transaction(async (tx) => {
    const now = input.clock.now();
    const { count } = await tx.contribution.updateMany({
      where: { AND: [{ id: contributionId, childId, authorId: actor.userId, status: "sent" }, readableContributionWhere(actor, childId)] },
      data: { status: "withdrawn", withdrawnAt: now },
    });
    if (count === 1) return recordStep(tx, { id: contributionId, childId, actor, now, kind: "withdrawn" });
    const mine = await tx.contribution.findFirst({ where: { AND: [{ id: contributionId, authorId: actor.userId }, readableContributionWhere(actor, childId)] }, select: { status: true } });
    if (!mine) throw new NotFound();
    if (mine.status !== "withdrawn") throw new Conflict("Already opened by a caseworker");
  });
}
