import "server-only";
import type { Actor } from "../access/index.ts";
import { londonDate } from "../calendar/index.ts";
import type { Db } from "../db/index.ts";

export type CaseworkerLoad = { caseworkerId: string; name: string; unanswered: number; overdue: number };

/**
 * For a manager: per caseworker in their team, contributions still waiting for an answer (also
 * those whose sender answered a reply since, issue 16) and those past their due date. A contribution counts for each caseworker allocated to its child,
 * which is the same team-through-allocation rule as readableContributionWhere for managers.
 */
export async function countWaitingByCaseworker(input: { db: Db; actor: Actor; now: Date }): Promise<CaseworkerLoad[]> {
  if (input.actor.role !== "manager") return [];
  const today = londonDate(input.now);
  const rows = await input.db.$queryRaw<{ caseworkerId: string; name: string; unanswered: bigint; overdue: bigint }[]>`
    SELECT u."id" AS "caseworkerId", u."displayName" AS "name",
           count(*) AS "unanswered",
           count(*) FILTER (WHERE (c."status" IN ('sent', 'opened') AND c."dueOn" < ${today}::date) OR c."answerDueOn" < ${today}::date) AS "overdue"
    FROM "Contribution" c
    JOIN "Grant" g ON g."childId" = c."childId" AND g."kind" = 'allocation' AND g."revokedAt" IS NULL
    JOIN "User" u ON u."id" = g."userId" AND u."role" = 'caseworker' AND u."disabledAt" IS NULL
    JOIN "User" m ON m."id" = ${input.actor.userId} AND m."role" = 'manager' AND m."disabledAt" IS NULL AND m."teamId" = u."teamId"
    WHERE c."status" IN ('sent', 'opened') OR c."answerDueOn" IS NOT NULL
    GROUP BY u."id", u."displayName"
    ORDER BY "overdue" DESC, "unanswered" DESC, u."displayName"`;
  return rows.map((r) => ({ ...r, unanswered: Number(r.unanswered), overdue: Number(r.overdue) }));
}
