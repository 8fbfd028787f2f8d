import "server-only";
import { activeGrant, audienceOf, childWhereForActor, grantAccess, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { londonDate, londonStartOf } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { tellAdvocateEnded } from "../news/index.ts";

type Tx = Prisma.TransactionClient;

// "My advocate" (#9). The council registers advocates; a child chooses one of them, for good or
// until a day they pick, and can end the advocate's access at any moment. A caseworker can appoint
// one for a child who cannot do it themselves; the child sees who did. Parents and carers can do
// neither, and do not see the page: an advocate is the child's own.

/** Who may see a child's advocates: the child, the child's advocates themselves, and staff. */
function mayView(actor: Actor): boolean {
  return actor.role === "child" || actor.role === "advocate" || audienceOf(actor) === "staff";
}

/** Who may choose or end one: the child on their own record, or staff with the record. */
function mayChange(actor: Actor): boolean {
  return actor.role === "child" || audienceOf(actor) === "staff";
}

async function openChild(db: Db | Tx, actor: Actor, childId: string, allowed: boolean) {
  const child = allowed ? await db.child.findFirst({ where: { AND: [{ id: childId }, childWhereForActor(actor)] }, select: { id: true } }) : null;
  if (!child) throw new NotFound();
  return child;
}

export type AdvocateChoice = { childId: string; advocateId: string; endsOn?: string };

/**
 * The child chooses a registered advocate (or staff appoint one), optionally until a day after
 * today. Choosing someone who is already the child's advocate is refused, not repeated.
 */
export async function chooseAdvocate(input: { db: Db; clock: Clock; actor: Actor; choice: AdvocateChoice }) {
  const { db, clock, actor, choice } = input;
  await openChild(db, actor, choice.childId, mayChange(actor));
  const today = londonDate(clock.now());
  if (choice.endsOn && choice.endsOn <= today) throw new Invalid("End date not after today", [{ path: "endsOn", message: "advocate:errors.endsOn" }]);
  return db.$transaction(async (tx) => {
    // One choice for a child at a time, so two presses of "Choose" cannot give the same advocate twice.
    await tx.$queryRaw`SELECT "id" FROM "Child" WHERE "id" = ${choice.childId} FOR UPDATE`;
    const registered = await tx.advocateRegistration.findFirst({
      where: { userId: choice.advocateId, endedAt: null, user: { role: "advocate", disabledAt: null } },
      select: { userId: true },
    });
    if (!registered) throw new Invalid("Not a registered advocate", [{ path: "advocateId", message: "advocate:errors.choose" }]);
    const current = await tx.grant.count({ where: { kind: "advocate", childId: choice.childId, userId: choice.advocateId, ...activeGrant(clock.now()) } });
    if (current > 0) throw new Invalid("Already this child's advocate", [{ path: "advocateId", message: "advocate:errors.already" }]);
    const endsAt = choice.endsOn ? londonStartOf(choice.endsOn) : undefined;
    const reason = actor.role === "child" ? "chosen-by-child" : "appointed-by-staff";
    return grantAccess(tx, { kind: "advocate", childId: choice.childId, userId: choice.advocateId, grantedBy: actor, clock, reason, endsAt });
  });
}

/**
 * Ends an advocate's access now. It bites on the advocate's next request, since every request
 * checks the grant. Ending an access that has already ended changes nothing.
 */
export async function endAdvocate(input: { db: Db; clock: Clock; actor: Actor; childId: string; grantId: string }) {
  const { db, clock, actor, childId } = input;
  await openChild(db, actor, childId, mayChange(actor));
  return db.$transaction(async (tx) => {
    const at = clock.now();
    const grant = await tx.grant.findFirst({ where: { id: input.grantId, childId, kind: "advocate" }, select: { id: true, userId: true } });
    if (!grant) throw new NotFound();
    // Conditional on still being open, so two ends at once make one change.
    const { count } = await tx.grant.updateMany({ where: { id: grant.id, ...activeGrant(at) }, data: { revokedAt: at, revokedById: actor.userId } });
    if (count === 0) return { changed: false };
    const reason = actor.role === "child" ? "child-ended-advocacy" : "staff-ended-advocacy";
    await appendAudit(tx, { actor, action: "access.revoke", childId, subjectType: "grant", subjectId: grant.id, detail: { kind: "advocate", userId: grant.userId, reason }, at });
    // The child hears of it unless they ended it themselves (starting is told by grantAccess).
    await tellAdvocateEnded(tx, { childId, now: at, by: actor.userId });
    return { changed: true };
  });
}

export type AdvocateView = {
  grantId: string;
  name: string;
  organisation: string | null;
  since: Date;
  /** The day access ends on, when one was chosen. */
  endsOn: string | null;
  chosenBy: "child" | "staff" | "council";
  chosenByName: string | null;
  endedAt: Date | null;
  endedBy: "child" | "staff" | "date" | null;
  /** The signed-in advocate's own access. */
  mine: boolean;
};

export type Advocacy = {
  current: AdvocateView[];
  past: AdvocateView[];
  /** Registered advocates who are not this child's advocate now: the ones that can be chosen. */
  register: { id: string; name: string; organisation: string }[];
  /** How many the council has registered in all, so "you have chosen everyone" is told apart from "none yet". */
  registered: number;
};

/** A child's advocates now and before, and the register to choose from (for those who may). */
export async function findAdvocacy(input: { db: Db; actor: Actor; childId: string; now: Date }): Promise<Advocacy> {
  const { db, actor, childId, now } = input;
  await openChild(db, actor, childId, mayView(actor));
  // An advocate sees their own access, not who else advocates for the child.
  const own: Prisma.GrantWhereInput = actor.role === "advocate" ? { userId: actor.userId } : {};
  const grants = await db.grant.findMany({
    where: { childId, kind: "advocate", ...own },
    orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true, grantedAt: true, endsAt: true, revokedAt: true,
      user: { select: { id: true, displayName: true, advocateRegistration: { select: { organisation: true } } } },
      grantedBy: { select: { role: true, displayName: true } },
      revokedBy: { select: { role: true } },
    },
  });
  const views = grants.map((g) => toView(g, actor, now));
  const current = views.filter((v) => !v.endedAt);
  const advocating = new Set(grants.filter((g) => current.some((c) => c.grantId === g.id)).map((g) => g.user.id));
  const { register, registered } = mayChange(actor) ? await findRegister(db, advocating) : { register: [], registered: 0 };
  return { current, past: views.filter((v) => v.endedAt), register, registered };
}

type GrantRow = {
  id: string; grantedAt: Date; endsAt: Date | null; revokedAt: Date | null;
  user: { id: string; displayName: string; advocateRegistration: { organisation: string } | null };
  grantedBy: { role: string; displayName: string } | null;
  revokedBy: { role: string } | null;
};

function toView(g: GrantRow, actor: Actor, now: Date): AdvocateView {
  const chosenBy = g.grantedBy?.role === "child" ? "child" : g.grantedBy ? "staff" : "council";
  const lapsed = g.endsAt && g.endsAt <= now ? g.endsAt : null;
  const endedAt = g.revokedAt ?? lapsed;
  const endedBy = g.revokedAt ? (g.revokedBy?.role === "child" ? "child" : "staff") : lapsed ? "date" : null;
  return {
    grantId: g.id,
    name: g.user.displayName,
    organisation: g.user.advocateRegistration?.organisation ?? null,
    since: g.grantedAt,
    endsOn: g.endsAt ? londonDate(g.endsAt) : null,
    chosenBy,
    chosenByName: chosenBy === "staff" ? g.grantedBy!.displayName : null,
    endedAt,
    endedBy,
    mine: g.user.id === actor.userId,
  };
}

async function findRegister(db: Db, advocating: Set<string>) {
  const rows = await db.advocateRegistration.findMany({
    where: { endedAt: null, user: { role: "advocate", disabledAt: null } },
    orderBy: [{ user: { displayName: "asc" } }, { userId: "asc" }],
    take: 200,
    select: { organisation: true, user: { select: { id: true, displayName: true } } },
  });
  const register = rows.filter((r) => !advocating.has(r.user.id)).map((r) => ({ id: r.user.id, name: r.user.displayName, organisation: r.organisation }));
  return { register, registered: rows.length };
}
