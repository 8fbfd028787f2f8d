import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { grantAccess } from "../access/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { normalizeUsername } from "../auth/index.ts";
import { assertMayManageAccounts } from "./guards.ts";

export type AllocateInput = { db: Db; clock: Clock; actor: Actor | SystemActor; username: string; childExternalId: string };

/**
 * Allocates a caseworker to a child's record (an `allocation` grant). Idempotent: allocating
 * again returns the existing grant with created: false.
 */
export async function allocateCaseworker(input: AllocateInput): Promise<{ grantId: string; created: boolean }> {
  assertMayManageAccounts(input.actor);
  const username = normalizeUsername(input.username);
  return input.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username }, select: { id: true, role: true, disabledAt: true } });
    if (!user) throw new NotFound(`No account with the username "${username}"`);
    if (user.role !== "caseworker") throw new Invalid(`Only caseworkers can be allocated; "${username}" is a ${user.role}`);
    if (user.disabledAt) throw new Invalid(`The account "${username}" is disabled`);
    const child = await tx.child.findUnique({ where: { externalId: input.childExternalId }, select: { id: true } });
    if (!child) throw new NotFound(`No child record with external id ${input.childExternalId}`);
    const before = await tx.grant.count({ where: { kind: "allocation", childId: child.id, userId: user.id, revokedAt: null } });
    const grant = await grantAccess(tx, {
      kind: "allocation",
      childId: child.id,
      userId: user.id,
      grantedBy: input.actor,
      clock: input.clock,
    });
    return { grantId: grant.id, created: before === 0 };
  });
}
