import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import { activeGrant, type Actor, type SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { revokeUserSessions } from "../auth/index.ts";
import type { Prisma } from "../db/generated/client.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { tellAdvocateEnded, tellAdvocateStarted } from "../news/index.ts";
import { accountWhere, describeRef, type AccountRef } from "./account-ref.ts";
import { assertMayManageAccounts } from "./guards.ts";

export type DisableInput = { db: Db; clock: Clock; actor: Actor | SystemActor } & AccountRef;

/**
 * Disables an account: it can no longer sign in, and every open session ends now, so even a
 * copied cookie stops working on its next request. Grants stay (for the history) but the access
 * policy ignores a disabled holder's. Disabling twice changes nothing. An administrator cannot
 * disable their own account (someone must be left to enable it again).
 */
export async function disableAccount(input: DisableInput): Promise<{ userId: string; sessionsEnded: number; changed: boolean }> {
  assertMayManageAccounts(input.actor);
  return input.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: accountWhere(input), select: { id: true, disabledAt: true } });
    if (!user) throw new NotFound(`No account ${describeRef(input)}`);
    if (user.id === input.actor.userId) throw new Invalid("You cannot disable your own account", [{ path: "userId", message: "admin:account.notSelf" }]);
    const at = input.clock.now();
    const sessionsEnded = await revokeUserSessions(tx, { userId: user.id, at, reason: "account-disabled" });
    if (user.disabledAt && sessionsEnded === 0) return { userId: user.id, sessionsEnded, changed: false };
    if (!user.disabledAt) {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: at } });
      for (const childId of await advocatedFor(tx, user.id, at)) await tellAdvocateEnded(tx, { childId, now: at, by: input.actor.userId });
    }
    await appendAudit(tx, {
      actor: input.actor,
      action: "account.disable",
      subjectType: "user",
      subjectId: user.id,
      detail: { sessionsEnded },
      at,
    });
    return { userId: user.id, sessionsEnded, changed: true };
  });
}

/**
 * Enables a disabled account again: it may sign in with its password (or a set-up code). Its
 * grants count again from now. Enabling an enabled account changes nothing.
 */
export async function enableAccount(input: DisableInput): Promise<{ userId: string; changed: boolean }> {
  assertMayManageAccounts(input.actor);
  return input.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: accountWhere(input), select: { id: true, disabledAt: true } });
    if (!user) throw new NotFound(`No account ${describeRef(input)}`);
    if (!user.disabledAt) return { userId: user.id, changed: false };
    const at = input.clock.now();
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    await appendAudit(tx, { actor: input.actor, action: "account.enable", subjectType: "user", subjectId: user.id, at });
    for (const childId of await advocatedFor(tx, user.id, at)) await tellAdvocateStarted(tx, { childId, advocateId: user.id, now: at, by: input.actor.userId });
    return { userId: user.id, changed: true };
  });
}

// The children an advocate account's grants are for: disabling the account ends what each child's
// advocate can see, and enabling it starts it again, so each child hears of it (lib/news).
async function advocatedFor(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string[]> {
  const grants = await tx.grant.findMany({ where: { userId, kind: "advocate", ...activeGrant(now) }, select: { childId: true } });
  return grants.map((g) => g.childId);
}
