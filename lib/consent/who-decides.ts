import "server-only";
import type { Actor } from "../access/index.ts";
import type { Db, Prisma } from "../db/index.ts";

type Reader = Db | Prisma.TransactionClient;

export type Deciders = {
  /** "child" once a caseworker has recorded that the child can decide for themselves. */
  decider: "child" | "parents";
  competence: { canDecide: boolean; assessedOn: Date; note: string; by: string } | null;
  /** Who decides by name: the child, or each parent or carer with parental responsibility. */
  names: string[];
  userIds: string[];
};

/**
 * Who decides about sharing a child's information: the young person, once their caseworker has
 * recorded that they can decide for themselves (Gillick competence); otherwise the parents and
 * carers with parental responsibility (from the record's own people and their accounts).
 */
export async function whoDecides(db: Reader, childId: string): Promise<Deciders> {
  const latest = await db.competenceAssessment.findFirst({
    where: { childId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { canDecide: true, assessedOn: true, note: true, assessedBy: { select: { displayName: true } } },
  });
  const competence = latest ? { canDecide: latest.canDecide, assessedOn: latest.assessedOn, note: latest.note, by: latest.assessedBy.displayName } : null;
  if (competence?.canDecide) {
    const child = await db.user.findFirst({ where: { childId, role: "child", disabledAt: null }, select: { id: true, displayName: true } });
    return { decider: "child", competence, names: child ? [child.displayName] : [], userIds: child ? [child.id] : [] };
  }
  const parents = await db.user.findMany({
    where: {
      role: { in: ["parent", "carer"] },
      disabledAt: null,
      person: { children: { some: { childId, parentalResponsibility: true } } },
      grants: { some: { childId, kind: "family", revokedAt: null } },
    },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  return { decider: "parents", competence, names: parents.map((p) => p.displayName), userIds: parents.map((p) => p.id) };
}

export function mayDecide(actor: Actor, deciders: Deciders): boolean {
  return deciders.userIds.includes(actor.userId);
}
