import type { Prisma } from "../db/generated/client.ts";
import type { Relationship, Role } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import type { Actor } from "../access/index.ts";
import { NotFound } from "../errors/index.ts";
import { assertMayManageAccounts } from "./guards.ts";

// What the administrator's pages read. Names only where they are needed to link accounts to
// records: never anything a record says.

export const ACCOUNTS_PAGE_SIZE = 25;

export type AccountRow = { id: string; username: string; displayName: string; role: Role; disabled: boolean; team: string | null };

/** Accounts, by username, filtered by role and by a part of the username. */
export async function listAccounts(input: { db: Db; actor: Actor; role?: Role; search?: string; page: number }) {
  assertMayManageAccounts(input.actor);
  const search = input.search?.trim().toLowerCase();
  const where: Prisma.UserWhereInput = { ...(input.role ? { role: input.role } : {}), ...(search ? { username: { contains: search } } : {}) };
  const [total, rows] = await Promise.all([
    input.db.user.count({ where }),
    input.db.user.findMany({
      where,
      orderBy: [{ username: "asc" }],
      skip: (Math.max(1, input.page) - 1) * ACCOUNTS_PAGE_SIZE,
      take: ACCOUNTS_PAGE_SIZE,
      select: { id: true, username: true, displayName: true, role: true, disabledAt: true, team: { select: { name: true } } },
    }),
  ]);
  const accounts: AccountRow[] = rows.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabledAt !== null, team: u.team?.name ?? null }));
  return { accounts, total, page: input.page, pages: Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE)) };
}

/** One account: who, what it links to, its allocations, registration and set-up code state. */
export async function findAccount(input: { db: Db; actor: Actor; userId: string; now: Date }) {
  assertMayManageAccounts(input.actor);
  const user = await input.db.user.findUnique({
    where: { id: input.userId },
    select: {
      id: true, username: true, displayName: true, role: true, disabledAt: true, createdAt: true,
      team: { select: { name: true } },
      child: { select: { id: true, fullName: true, externalId: true } },
      person: { select: { fullName: true, children: { select: { relationship: true, child: { select: { fullName: true, externalId: true } } } } } },
      grants: { where: { kind: "allocation", revokedAt: null }, select: { child: { select: { id: true, fullName: true, externalId: true } } }, orderBy: { grantedAt: "asc" } },
      advocateRegistration: { select: { organisation: true, registeredAt: true, endedAt: true } },
      setupCodes: { where: { usedAt: null, supersededAt: null, expiresAt: { gt: input.now } }, select: { expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  if (!user) throw new NotFound("No such account");
  const { grants, setupCodes, person, ...rest } = user;
  return {
    ...rest,
    person: person ? { fullName: person.fullName, children: person.children.map((c) => ({ relationship: c.relationship, ...c.child })) } : null,
    allocations: grants.map((g) => g.child),
    pendingSetupCode: setupCodes[0] ?? null,
  };
}

export type AccountDetail = Awaited<ReturnType<typeof findAccount>>;

export type ChildOption = { id: string; name: string; externalId: string; hasAccount: boolean };

/** Children to choose from when linking an account (name and the council's reference). */
export async function listChildOptions(input: { db: Db; actor: Actor }): Promise<ChildOption[]> {
  assertMayManageAccounts(input.actor);
  const rows = await input.db.child.findMany({
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    select: { id: true, fullName: true, externalId: true, account: { select: { id: true } } },
  });
  return rows.map((c) => ({ id: c.id, name: c.fullName, externalId: c.externalId, hasAccount: c.account !== null }));
}

export type PersonOption = { id: string; name: string; relationship: Relationship };

/** The people one child's record names, to link a parent, carer or advocate account to. */
export async function listPeopleOfChild(input: { db: Db; actor: Actor; childId: string }): Promise<{ child: ChildOption; people: PersonOption[] }> {
  assertMayManageAccounts(input.actor);
  const child = await input.db.child.findUnique({
    where: { id: input.childId },
    select: { id: true, fullName: true, externalId: true, account: { select: { id: true } }, people: { select: { relationship: true, person: { select: { id: true, fullName: true } } } } },
  });
  if (!child) throw new NotFound("No such child record");
  const people = child.people.map((p) => ({ id: p.person.id, name: p.person.fullName, relationship: p.relationship })).sort((a, b) => a.name.localeCompare(b.name));
  return { child: { id: child.id, name: child.fullName, externalId: child.externalId, hasAccount: child.account !== null }, people };
}

/** The teams there are, for a staff account (a new name makes a new team). */
export async function listTeams(input: { db: Db; actor: Actor }): Promise<string[]> {
  assertMayManageAccounts(input.actor);
  return (await input.db.team.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((t) => t.name);
}
