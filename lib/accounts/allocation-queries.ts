import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Actor } from "../access/index.ts";
import { childWhereForActor } from "../access/index.ts";
import { assertMayAllocate } from "./allocate-caseworker.ts";
import { assertMayManageAccounts } from "./guards.ts";

export const ALLOCATIONS_PAGE_SIZE = 25;

export type AllocationRow = { childId: string; name: string; externalId: string; caseworkers: { id: string; name: string }[] };

/**
 * Who is allocated to whom. An administrator sees every child and every caseworker; a manager
 * the children of their team (the access policy's own clause) and their team's caseworkers.
 * Names and references only.
 */
export async function findAllocations(input: { db: Db; actor: Actor; page: number }) {
  assertMayAllocate(input.actor);
  const manager = input.actor.role === "manager";
  const teamId = manager ? ((await input.db.user.findUnique({ where: { id: input.actor.userId }, select: { teamId: true } }))?.teamId ?? null) : null;
  const childWhere: Prisma.ChildWhereInput = manager ? childWhereForActor(input.actor) : {};
  // A manager without a team has no caseworkers: match none.
  const caseworkerWhere: Prisma.UserWhereInput = { role: "caseworker", disabledAt: null, ...(manager ? { teamId: teamId ?? { in: [] } } : {}) };
  const [total, children, caseworkers] = await Promise.all([
    input.db.child.count({ where: childWhere }),
    input.db.child.findMany({
      where: childWhere,
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      skip: (Math.max(1, input.page) - 1) * ALLOCATIONS_PAGE_SIZE,
      take: ALLOCATIONS_PAGE_SIZE,
      select: {
        id: true, fullName: true, externalId: true,
        grants: { where: { kind: "allocation", revokedAt: null, user: caseworkerWhere }, select: { user: { select: { id: true, displayName: true } } }, orderBy: { grantedAt: "asc" } },
      },
    }),
    input.db.user.findMany({ where: caseworkerWhere, orderBy: [{ displayName: "asc" }, { id: "asc" }], select: { id: true, displayName: true } }),
  ]);
  const rows: AllocationRow[] = children.map((c) => ({ childId: c.id, name: c.fullName, externalId: c.externalId, caseworkers: c.grants.map((g) => ({ id: g.user.id, name: g.user.displayName })) }));
  return { rows, caseworkers: caseworkers.map((c) => ({ id: c.id, name: c.displayName })), total, page: input.page, pages: Math.max(1, Math.ceil(total / ALLOCATIONS_PAGE_SIZE)) };
}

export type AllocationBoard = Awaited<ReturnType<typeof findAllocations>>;

/** The council's register of advocates (ended registrations too), and the advocate accounts not on it. */
export async function findAdvocateRegister(input: { db: Db; actor: Actor }) {
  assertMayManageAccounts(input.actor);
  const [registered, unregistered] = await Promise.all([
    input.db.advocateRegistration.findMany({
      orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { user: { displayName: "asc" } }],
      select: { organisation: true, registeredAt: true, endedAt: true, user: { select: { id: true, displayName: true, username: true } } },
    }),
    input.db.user.findMany({
      where: { role: "advocate", disabledAt: null, advocateRegistration: { is: null } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true, displayName: true, username: true },
    }),
  ]);
  return {
    registered: registered.map((r) => ({ userId: r.user.id, name: r.user.displayName, username: r.user.username, organisation: r.organisation, registeredAt: r.registeredAt, endedAt: r.endedAt })),
    unregistered: unregistered.map((u) => ({ userId: u.id, name: u.displayName, username: u.username })),
  };
}
