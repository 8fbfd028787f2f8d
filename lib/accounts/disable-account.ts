import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { revokeUserSessions } from "../auth/index.ts";
import { normalizeUsername } from "../auth/index.ts";
import { NotFound } from "../errors/index.ts";
import { assertMayManageAccounts } from "./guards.ts";

export type DisableInput = { db: Db; clock: Clock; actor: Actor | SystemActor; username: string };

/**
 * Disables an account: it can no longer sign in, and every open session ends now, so even a
 * copied cookie stops working on its next request. Grants stay (for the history) but the access
 * policy ignores a disabled holder's. Disabling twice changes nothing.
 */
export async function disableAccount(input: DisableInput): Promise<{ userId: string; sessionsEnded: number; changed: boolean }> {
  assertMayManageAccounts(input.actor);
  const username = normalizeUsername(input.username);
  return input.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username }, select: { id: true, disabledAt: true } });
    if (!user) throw new NotFound(`No account with the username "${username}"`);
    const at = input.clock.now();
    const sessionsEnded = await revokeUserSessions(tx, { userId: user.id, at, reason: "account-disabled" });
    if (user.disabledAt && sessionsEnded === 0) return { userId: user.id, sessionsEnded, changed: false };
    if (!user.disabledAt) await tx.user.update({ where: { id: user.id }, data: { disabledAt: at } });
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
