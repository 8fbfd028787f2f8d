import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { childWhereForActor, grantAccess, revokeGrant } from "../access/index.ts";
import { Forbidden, Invalid, NotFound } from "../errors/index.ts";
import { accountWhere, describeRef, type AccountRef } from "./account-ref.ts";

type Tx = Prisma.TransactionClient;

// The child is named by the council's external id (command line) or the portal's id (browser).
type ChildRef = { childExternalId: string; childId?: undefined } | { childId: string; childExternalId?: undefined };

export type AllocateInput = { db: Db; clock: Clock; actor: Actor | SystemActor } & AccountRef & ChildRef;

/**
 * Who may allocate: administrators and the command line any caseworker to any child; a manager
 * only their own team's caseworkers to their own team's children (the children the access policy
 * gives them). Anything else is not found, so a manager learns nothing of other teams.
 */
export function assertMayAllocate(actor: Actor | SystemActor): void {
  if (actor.role !== "system" && actor.role !== "admin" && actor.role !== "manager") throw new Forbidden("Only an administrator or a manager can allocate");
}

async function managerTeam(tx: Tx, actor: Actor | SystemActor): Promise<string | null | undefined> {
  if (actor.role !== "manager") return undefined;
  const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { teamId: true, disabledAt: true } });
  return me && !me.disabledAt ? me.teamId : null;
}

async function findCaseworker(tx: Tx, input: AllocateInput) {
  const team = await managerTeam(tx, input.actor);
  const user = await tx.user.findUnique({ where: accountWhere(input), select: { id: true, role: true, disabledAt: true, teamId: true } });
  if (!user || (team !== undefined && (team === null || user.teamId !== team))) throw new NotFound(`No account ${describeRef(input)}`);
  if (user.role !== "caseworker") throw new Invalid(`Only caseworkers can be allocated; the account is a ${user.role}`, [{ path: "caseworkerId", message: "admin:allocations.notCaseworker" }]);
  return user;
}

async function findChild(tx: Tx, input: AllocateInput) {
  const scope = input.actor.role === "manager" ? childWhereForActor(input.actor) : {};
  const where = input.childId !== undefined ? { id: input.childId } : { externalId: input.childExternalId };
  const child = await tx.child.findFirst({ where: { AND: [where, scope] }, select: { id: true } });
  if (!child) throw new NotFound(input.childId !== undefined ? "No such child record" : `No child record with external id ${input.childExternalId}`);
  return child;
}

/**
 * Allocates a caseworker to a child's record (an `allocation` grant). Idempotent: allocating
 * again returns the existing grant with created: false.
 */
export async function allocateCaseworker(input: AllocateInput): Promise<{ grantId: string; created: boolean }> {
  assertMayAllocate(input.actor);
  return input.db.$transaction(async (tx) => {
    const user = await findCaseworker(tx, input);
    if (user.disabledAt) throw new Invalid("The account is disabled", [{ path: "caseworkerId", message: "admin:allocations.disabled" }]);
    const child = await findChild(tx, input);
    const before = await tx.grant.count({ where: { kind: "allocation", childId: child.id, userId: user.id, revokedAt: null } });
    const grant = await grantAccess(tx, { kind: "allocation", childId: child.id, userId: user.id, grantedBy: input.actor, clock: input.clock });
    return { grantId: grant.id, created: before === 0 };
  });
}

/**
 * Ends a caseworker's allocation to a child: the grant is revoked (revokedAt, revokedById), never
 * deleted, and access ends on their next request. A manager may not take away the last of their
 * team's caseworkers from a child (the child would leave the team's sight): allocate another
 * first. Ending an allocation that is not there is not found.
 */
export async function unallocateCaseworker(input: AllocateInput): Promise<{ grantId: string }> {
  assertMayAllocate(input.actor);
  const grantId = await input.db.$transaction(async (tx) => {
    const user = await findCaseworker(tx, input);
    const child = await findChild(tx, input);
    const grant = await tx.grant.findFirst({ where: { kind: "allocation", childId: child.id, userId: user.id, revokedAt: null }, select: { id: true } });
    if (!grant) throw new NotFound("That caseworker is not allocated to that child");
    if (input.actor.role === "manager") {
      const others = await tx.grant.count({
        where: { kind: "allocation", childId: child.id, revokedAt: null, id: { not: grant.id }, user: { role: "caseworker", teamId: user.teamId, disabledAt: null } },
      });
      if (others === 0) throw new Invalid("The last caseworker of the team cannot be taken off a child", [{ path: "caseworkerId", message: "admin:allocations.lastInTeam" }]);
    }
    return grant.id;
  });
  // revokeGrant checks again who may revoke it (a manager: their team's allocations only).
  await revokeGrant({ db: input.db, grantId, actor: input.actor, clock: input.clock, reason: "unallocated" });
  return { grantId };
}
