import "server-only";
import { activeGrant, audienceOf, childWhereForActor, readableContributionWhere, readableEntryWhere, readableRequestWhere, type Actor } from "../access/index.ts";
import { addCalendarMonths, fromDateColumn, londonDate, londonStartOf, type CivilDate } from "../calendar/index.ts";
import { mayDecide, undecidedTopicWhere, whoDecides } from "../consent/index.ts";
import type { Db } from "../db/index.ts";
import { paths } from "../paths.ts";
import { pausedSoFar } from "../rectification/clock.ts";
import { DISAGREEABLE_OUTCOMES } from "../rectification/disagreement.ts";

// "Waiting for you" on the home of a child, parent, carer or advocate: what only they can move
// on. No rules of its own: each kind is the owning domain's rule (who may read or act, from
// lib/access; when a topic is undecided, from lib/consent; when a view may be added, from
// lib/rectification) composed into one bounded query per kind.

/** Rows read per kind: a home lists a few things, never a backlog. */
const TAKE = 10;
/** A family member follows a few records; consent is read per record. */
const CHILDREN_TAKE = 20;
/** An advocate's access is "ending soon" this many days ahead. */
export const ENDING_SOON_DAYS = 14;
/**
 * Adding one's own view is optional and stays open on the request's page; it is called waiting
 * only while the decision is recent, so a home does not repeat it for ever.
 */
export const DISAGREE_OFFER_MONTHS = 3;

type Base = { id: string; childId: string; childName: string; link: string };
export type WaitingItem =
  | (Base & { kind: "question"; pausedDays: number })
  | (Base & { kind: "consent"; count: number })
  | (Base & { kind: "draft"; savedAt: Date })
  | (Base & { kind: "disagreement" })
  | (Base & { kind: "advocateEnding"; endsOn: CivilDate; advocateName: string });

type Input = { db: Db; actor: Actor; now: Date };

const childName = (c: { preferredName: string | null; fullName: string }) => c.preferredName ?? c.fullName;
const CHILD = { select: { preferredName: true, fullName: true } } as const;

/** Everything waiting for this person, most pressing kind first; nothing for staff and admins. */
export async function findWaiting(input: Input): Promise<WaitingItem[]> {
  const audience = audienceOf(input.actor);
  if ((audience !== "child" && audience !== "family") || !input.actor.userId) return [];
  const kinds = await Promise.all([questions(input), consentQuestions(input), drafts(input), disagreements(input), advocateEnding(input)]);
  return kinds.flat();
}

/** A worker's question on a correction request: only its requester answers, and the clock waits for them. */
async function questions({ db, actor, now }: Input): Promise<WaitingItem[]> {
  const rows = await db.rectificationRequest.findMany({
    where: { AND: [readableRequestWhere(actor, null), { requesterId: actor.userId, status: "waiting" }] },
    select: { id: true, childId: true, pausedOn: true, child: CHILD },
    orderBy: [{ pausedOn: "asc" }, { id: "asc" }],
    take: TAKE,
  });
  const today = londonDate(now);
  return rows.map((r) => ({
    kind: "question", id: r.id, childId: r.childId, childName: childName(r.child), link: paths.correction(r.childId, r.id),
    pausedDays: pausedSoFar({ pausedOn: r.pausedOn ? fromDateColumn(r.pausedOn) : null }, today),
  }));
}

/** Consent topics with no standing choice, on each record where this person is the one who decides. */
async function consentQuestions({ db, actor, now }: Input): Promise<WaitingItem[]> {
  if (actor.role === "advocate") return []; // an advocate never decides (lib/consent/who-decides.ts)
  const children = await db.child.findMany({ where: childWhereForActor(actor), select: { id: true, ...CHILD.select }, orderBy: [{ fullName: "asc" }, { id: "asc" }], take: CHILDREN_TAKE });
  const today = londonDate(now);
  const out: WaitingItem[] = [];
  for (const c of children) {
    if (!mayDecide(actor, await whoDecides(db, c.id))) continue;
    const count = await db.consentTopic.count({ where: { AND: [{ childId: c.id }, undecidedTopicWhere(today)] }, take: TAKE });
    if (count > 0) out.push({ kind: "consent", id: c.id, childId: c.id, childName: childName(c), link: paths.consent(c.id), count });
  }
  return out;
}

/** Their own drafts, newest first: drafts are their writer's alone (lib/access/contributions.ts). */
async function drafts({ db, actor }: Input): Promise<WaitingItem[]> {
  const rows = await db.contribution.findMany({
    where: { AND: [readableContributionWhere(actor, null), { authorId: actor.userId, status: "draft" }] },
    select: { id: true, childId: true, updatedAt: true, child: CHILD },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: TAKE,
  });
  return rows.map((r) => ({ kind: "draft", id: r.id, childId: r.childId, childName: childName(r.child), link: paths.newContribution(r.childId, { draft: r.id }), savedAt: r.updatedAt }));
}

/**
 * A recent decision of theirs that left an entry uncorrected, where they may still read the entry
 * and have not yet added their view to it (the rule addDisagreement enforces).
 */
async function disagreements({ db, actor, now }: Input): Promise<WaitingItem[]> {
  const readable = { entry: readableEntryWhere(actor, null) };
  const since = londonStartOf(addCalendarMonths(londonDate(now), -DISAGREE_OFFER_MONTHS));
  const rows = await db.rectificationRequest.findMany({
    where: { AND: [readableRequestWhere(actor, null), { requesterId: actor.userId, outcome: { in: DISAGREEABLE_OUTCOMES }, decidedAt: { gte: since } }, { items: { some: readable } }] },
    select: {
      id: true, childId: true, child: CHILD,
      items: { where: readable, select: { entryId: true }, take: 50 },
      disagreements: { where: { authorId: actor.userId }, select: { entryId: true }, take: 50 },
    },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: TAKE,
  });
  return rows
    .filter((r) => r.items.some((i) => !r.disagreements.some((d) => d.entryId === i.entryId)))
    .map((r) => ({ kind: "disagreement", id: r.id, childId: r.childId, childName: childName(r.child), link: paths.correction(r.childId, r.id) }));
}

/** An advocate's access that ends within two weeks: the child hears it of their advocate, the advocate of themselves. */
async function advocateEnding({ db, actor, now }: Input): Promise<WaitingItem[]> {
  if (actor.role !== "child" && actor.role !== "advocate") return []; // an advocate is the child's own
  const whose = actor.role === "advocate" ? { userId: actor.userId } : { user: { disabledAt: null } };
  const soon = new Date(now.getTime() + ENDING_SOON_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db.grant.findMany({
    where: { AND: [{ kind: "advocate", child: childWhereForActor(actor), ...whose }, activeGrant(now), { endsAt: { lte: soon } }] },
    select: { id: true, childId: true, endsAt: true, child: CHILD, user: { select: { displayName: true } } },
    orderBy: [{ endsAt: "asc" }, { id: "asc" }],
    take: TAKE,
  });
  return rows.map((g) => ({
    kind: "advocateEnding", id: g.id, childId: g.childId, childName: childName(g.child), link: paths.advocate(g.childId),
    endsOn: londonDate(g.endsAt!), advocateName: g.user.displayName,
  }));
}
