import type { Grant, Prisma } from "../db/generated/client.ts";
import type { GrantKind } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "./actor.ts";
import { appendAudit } from "../audit/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
// Straight from the file, not lib/news/index.ts, whose loaders come back to lib/access/index.ts.
import { tellAdvocateEnded, tellAdvocateStarted } from "../news/tell.ts";
import { GRANT_KIND_FOR_ROLE } from "./policy.ts";

type Tx = Prisma.TransactionClient;

export type GrantInput = {
  kind: GrantKind;
  childId: string;
  userId: string;
  grantedBy: Actor | SystemActor;
  clock: Clock;
  // A category or short note for staff, never personal data (it is not shown to families).
  reason?: string;
  /** When access ends by itself (an advocate chosen for a while); checked on every request. */
  endsAt?: Date;
};

/**
 * Gives a user access to one child's record, inside the caller's transaction. Idempotent: an
 * active grant of the same kind is returned as it is. Refuses a kind the account's role cannot
 * hold, so a grant can never widen what a role may see.
 */
export async function grantAccess(tx: Tx, input: GrantInput): Promise<Grant> {
  const { kind, childId, userId } = input;
  await assertHolderFits(tx, input);
  const existing = await tx.grant.findFirst({ where: { kind, childId, userId, revokedAt: null } });
  if (existing) return existing;
  const at = input.clock.now();
  const grant = await tx.grant.create({
    data: { kind, childId, userId, grantedAt: at, grantedById: input.grantedBy.userId, reason: input.reason ?? null, endsAt: input.endsAt ?? null },
  });
  await appendAudit(tx, {
    actor: input.grantedBy,
    action: "access.grant",
    childId,
    subjectType: "grant",
    subjectId: grant.id,
    detail: { kind, userId },
    at,
  });
  // However an advocate starts (the child's choice, staff appointing one, an administrator making
  // the account), the child and the advocate hear of it in the same transaction; parents do not.
  if (kind === "advocate") await tellAdvocateStarted(tx, { childId, advocateId: userId, now: at, by: input.grantedBy.userId });
  return grant;
}

async function assertHolderFits(tx: Tx, input: GrantInput): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: input.userId },
    select: { role: true, childId: true, personId: true },
  });
  if (!user) throw new NotFound("No account with that id");
  if (GRANT_KIND_FOR_ROLE[user.role] !== input.kind) {
    throw new Invalid(`A ${user.role} account cannot hold a ${input.kind} grant`);
  }
  if (input.kind === "subject" && user.childId !== input.childId) {
    throw new Invalid("A subject grant must be for the child's own record");
  }
  if (input.kind === "family") {
    const link = user.personId
      ? await tx.childPerson.findUnique({ where: { childId_personId: { childId: input.childId, personId: user.personId } } })
      : null;
    if (!link) throw new Invalid("A family grant needs the account's person to be linked to the child");
  }
}

/**
 * Revokes a grant: stamps revokedAt and revokedById, never deletes. Access ends on the next
 * query. Who may revoke is part of the lookup (others get NotFound): admins and the system any
 * grant, a child the advocate grants on their own record, a manager their team's allocations.
 * Revoking a revoked grant returns it unchanged.
 */
export async function revokeGrant(input: {
  db: Db;
  grantId: string;
  actor: Actor | SystemActor;
  clock: Clock;
  reason: string;
}): Promise<Grant> {
  const { actor } = input;
  return input.db.$transaction(async (tx) => {
    const grant = await tx.grant.findFirst({ where: { AND: [{ id: input.grantId }, grantWhereRevocableBy(actor)] } });
    if (!grant) throw new NotFound("No such grant");
    if (grant.revokedAt) return grant;
    const at = input.clock.now();
    const revoked = await tx.grant.update({
      where: { id: grant.id },
      data: { revokedAt: at, revokedById: actor.userId },
    });
    await appendAudit(tx, {
      actor,
      action: "access.revoke",
      childId: grant.childId,
      subjectType: "grant",
      subjectId: grant.id,
      // The reason is a category key chosen by the caller (e.g. "child-ended-advocacy").
      detail: { kind: grant.kind, userId: grant.userId, reason: input.reason },
      at,
    });
    if (grant.kind === "advocate") await tellAdvocateEnded(tx, { childId: grant.childId, now: at, by: actor.userId });
    return revoked;
  });
}

function grantWhereRevocableBy(actor: Actor | SystemActor): Prisma.GrantWhereInput {
  if (actor.role === "system" || actor.role === "admin") return {};
  if (!actor.userId) return { id: { in: [] } };
  if (actor.role === "child") return { kind: "advocate", child: { account: { is: { id: actor.userId } } } };
  if (actor.role === "manager") {
    return { kind: "allocation", user: { team: { members: { some: { id: actor.userId, role: "manager" } } } } };
  }
  return { id: { in: [] } };
}
