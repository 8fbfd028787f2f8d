import type { Prisma } from "../db/generated/client.ts";
import type { GrantKind, Role } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import type { Actor } from "./actor.ts";

// The single home of "which children may this actor open". Callers compose the clause into
// their own queries (AND), so what the actor may not see is never loaded at all.

// `in: []` is false for every row: Prisma's canonical "match nothing".
const NOTHING: Prisma.ChildWhereInput = { id: { in: [] } };

// The grant kind each role can hold; admins hold none (they see no record content).
export const GRANT_KIND_FOR_ROLE: Record<Role, GrantKind | null> = {
  child: "subject",
  parent: "family",
  carer: "family",
  advocate: "advocate",
  caseworker: "allocation",
  manager: "allocation",
  admin: null,
  // A translator opens no record: see translatableEntryWhere.
  translator: null,
};

export function childWhereForActor(actor: Actor): Prisma.ChildWhereInput {
  const kind = GRANT_KIND_FOR_ROLE[actor.role] ?? null;
  // An empty userId would make Prisma drop the filter and match every grant: fail closed.
  if (!kind || !actor.userId) return NOTHING;
  const own: Prisma.ChildWhereInput = {
    grants: { some: { kind, userId: actor.userId, ...activeGrant(), user: { disabledAt: null } } },
  };
  if (kind === "subject") return { AND: [own, { account: { is: { id: actor.userId } } }] };
  if (kind === "family") return { AND: [own, linkedThroughPerson(actor.userId)] };
  if (actor.role === "manager") return { OR: [own, allocatedInTeamOf(actor.userId)] };
  return own;
}

/**
 * A grant counts until it is revoked or its end date comes, judged at the time of the request, so
 * an advocate's access ends the moment the child ends it or the day it was chosen to end.
 */
export function activeGrant(now: Date = new Date()): Prisma.GrantWhereInput {
  return { revokedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

// A family grant counts only while the record still names the account's person around the
// child: if an import removes that link, access ends with it.
function linkedThroughPerson(userId: string): Prisma.ChildWhereInput {
  return { people: { some: { person: { accounts: { some: { id: userId } } } } } };
}

// A manager sees the children allocated to caseworkers in the manager's own team.
function allocatedInTeamOf(managerId: string): Prisma.ChildWhereInput {
  const manager = { id: managerId, role: "manager", disabledAt: null } as const;
  return {
    grants: {
      some: {
        kind: "allocation",
        revokedAt: null,
        user: { role: "caseworker", team: { members: { some: manager } } },
      },
    },
  };
}

export type ChildSummary = { id: string; externalId: string; fullName: string; preferredName: string | null };

/** The children an actor may open, for the home page. */
export function findChildrenForActor(input: { db: Db | Prisma.TransactionClient; actor: Actor }): Promise<ChildSummary[]> {
  return input.db.child.findMany({
    where: childWhereForActor(input.actor),
    select: { id: true, externalId: true, fullName: true, preferredName: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
}
