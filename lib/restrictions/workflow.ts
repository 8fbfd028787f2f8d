import "server-only";
import { childWhereForActor, isStaffWorker, mayDecideRestrictions, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { addCalendarMonths, fromDateColumn, londonDate, toDateColumn, type CivilDate } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import type { RestrictionChange, RestrictionReason } from "../db/generated/enums.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { childAudience, tellEntryReaders } from "../news/index.ts";
import { lockEntry, type LockedEntry } from "../records/index.ts";
import type { DecideRestrictionInput, ProposeRestrictionInput, ReviewRestrictionInput } from "./form.ts";
import { checkRestrictionVersion } from "./version.ts";

// Withholding an entry from the child, decided in the portal (issue 10). A caseworker proposes
// (withhold, with a reason, a note and a review date; or lift); a manager of the child's team
// approves, changes or rejects it, and reviews each withholding by its review date. A manager's
// own proposal is decided as it is made. Proposals and decisions are append-only; the decision's
// effect on the entry (withChild, the Restriction row) is written in the same transaction, under a
// lock on the entry, so two decisions about one entry happen one after the other.

type Tx = Prisma.TransactionClient;
type Effect = { change: RestrictionChange; reason: RestrictionReason | null; note: string; reviewDue: CivilDate | null };

/** A review falls due at most a year ahead: a withholding is never left without a date. */
const MAX_REVIEW_MONTHS = 12;
const OPEN = { decision: { is: null } } as const;

export async function proposeRestriction(input: { db: Db; clock: Clock; actor: Actor; proposal: ProposeRestrictionInput }): Promise<{ id: string; decided: boolean }> {
  const { db, clock, actor, proposal } = input;
  if (!isStaffWorker(actor)) throw new NotFound();
  const today = londonDate(clock.now());
  const effect = checkedEffect({ change: proposal.change, reason: proposal.reason ?? null, note: proposal.note, reviewDue: proposal.reviewDue ?? null }, today);
  return db.$transaction(async (tx) => {
    const entry = await lockEntry(tx, readableEntryWhere(actor, proposal.childId), proposal.entryId);
    if (await tx.restrictionProposal.count({ where: { entryId: entry.id, ...OPEN } })) throw new Conflict("A proposal is waiting for a manager");
    checkChangeFits(effect.change, entry.withChild);
    const now = clock.now();
    const made = await tx.restrictionProposal.create({
      data: { entryId: entry.id, change: effect.change, reason: effect.reason, note: effect.note, reviewDue: asDate(effect.reviewDue), proposedById: actor.userId, proposedAt: now },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: "restriction.proposed", childId: entry.childId, subjectType: "entry", subjectId: entry.id, detail: { change: effect.change, reason: effect.reason }, at: now });
    if (!mayDecideRestrictions(actor)) return { id: made.id, decided: false };
    await decide(tx, actor, now, { proposalId: made.id, entry, outcome: "approved", effect });
    return { id: made.id, decided: true };
  });
}

/** Decides a proposal; answers the entry it was about. */
export async function decideRestriction(input: { db: Db; clock: Clock; actor: Actor; decision: DecideRestrictionInput }): Promise<{ entryId: string }> {
  const { db, clock, actor, decision } = input;
  if (!mayDecideRestrictions(actor)) throw new NotFound();
  const today = londonDate(clock.now());
  return db.$transaction(async (tx) => {
    const proposal = await tx.restrictionProposal.findFirst({
      where: { id: decision.proposalId, entry: { childId: decision.childId, child: childWhereForActor(actor) } },
      select: { id: true, entryId: true, change: true, reason: true, reviewDue: true },
    });
    if (!proposal) throw new NotFound();
    const entry = await lockEntry(tx, readableEntryWhere(actor, decision.childId), proposal.entryId);
    // Read again under the lock: another manager may have decided it, or anything else about the
    // entry's withholding, a moment ago.
    if (await tx.restrictionDecision.count({ where: { proposalId: proposal.id } })) throw new Conflict("Already decided");
    await checkRestrictionVersion(tx, entry, decision.version);
    const asked: Effect = { change: proposal.change, reason: proposal.reason, note: decision.note, reviewDue: proposal.reviewDue ? fromDateColumn(proposal.reviewDue) : null };
    if (decision.outcome === "changed" && proposal.change === "lift") {
      throw new Invalid("Only a withholding can be changed", [{ path: "outcome", message: "staff:restriction.errors.liftNotChanged" }]);
    }
    const effect = decision.outcome === "changed"
      ? checkedEffect({ ...asked, reason: decision.reason ?? null, reviewDue: decision.reviewDue ?? null }, today)
      : decision.outcome === "approved" ? checkedEffect(asked, today) : { ...asked, note: checkedNote(decision.note) };
    if (decision.outcome !== "rejected") checkChangeFits(effect.change, entry.withChild);
    await decide(tx, actor, clock.now(), { proposalId: proposal.id, entry, outcome: decision.outcome, effect });
    return { entryId: entry.id };
  });
}

export async function reviewRestriction(input: { db: Db; clock: Clock; actor: Actor; review: ReviewRestrictionInput }): Promise<void> {
  const { db, clock, actor, review } = input;
  if (!mayDecideRestrictions(actor)) throw new NotFound();
  const today = londonDate(clock.now());
  const next = review.stillApplies ? checkedReviewDue(review.reviewDue ?? null, today) : null;
  const note = checkedNote(review.note);
  await db.$transaction(async (tx) => {
    const entry = await lockEntry(tx, readableEntryWhere(actor, review.childId), review.entryId);
    const restriction = await tx.restriction.findUnique({ where: { entryId: entry.id }, select: { id: true } });
    if (!restriction || entry.withChild) throw new NotFound(); // nothing withheld to review
    if (await tx.restrictionProposal.count({ where: { entryId: entry.id, ...OPEN } })) throw new Conflict("A proposal is waiting for a manager");
    // Two managers reviewing what they both saw: the second would silently replace the first's date.
    await checkRestrictionVersion(tx, entry, review.version);
    const now = clock.now();
    await tx.restrictionReview.create({ data: { restrictionId: restriction.id, reviewerId: actor.userId, stillApplies: review.stillApplies, note, nextReviewDue: asDate(next), reviewedAt: now } });
    if (!review.stillApplies) await tx.entry.update({ where: { id: entry.id }, data: { withChild: true } });
    await appendAudit(tx, { actor, action: "restriction.reviewed", childId: entry.childId, subjectType: "entry", subjectId: entry.id, detail: { stillApplies: review.stillApplies }, at: now });
    if (!review.stillApplies) await tellChildSide(tx, entry, now);
  });
}

async function decide(tx: Tx, actor: Actor, now: Date, d: { proposalId: string; entry: LockedEntry; outcome: DecideRestrictionInput["outcome"]; effect: Effect }) {
  const { effect, entry } = d;
  await tx.restrictionDecision.create({
    data: { proposalId: d.proposalId, outcome: d.outcome, reason: effect.reason, note: effect.note, reviewDue: asDate(effect.reviewDue), decidedById: actor.userId, decidedAt: now },
  });
  if (d.outcome !== "rejected") await applyEffect(tx, actor, entry, effect);
  await appendAudit(tx, { actor, action: "restriction.decided", childId: entry.childId, subjectType: "entry", subjectId: entry.id, detail: { outcome: d.outcome, change: effect.change, reason: effect.reason }, at: now });
  if (d.outcome !== "rejected" && effect.change === "lift") await tellChildSide(tx, entry, now);
}

// Lifted: the child (and their advocate) may read it now, or, if it is to be read with a worker,
// the child hears it waits. Parents and carers are not told: a restriction keeps an entry from
// the child, so whether they could read it has not changed.
async function tellChildSide(tx: Tx, entry: LockedEntry, now: Date) {
  await tellEntryReaders(tx, { childId: entry.childId, entryId: entry.id, now, who: childAudience });
}

// The Restriction row says why the entry is kept from the child now; its history is in the
// proposals and decisions. Lifting leaves the row (reviews point at it); withChild decides.
async function applyEffect(tx: Tx, actor: Actor, entry: LockedEntry, effect: Effect) {
  if (effect.change === "lift") {
    await tx.entry.update({ where: { id: entry.id }, data: { withChild: true } });
    return;
  }
  const row = { reason: effect.reason!, note: effect.note, decidedBy: actor.displayName, reviewDue: asDate(effect.reviewDue) };
  await tx.restriction.upsert({ where: { entryId: entry.id }, create: { entryId: entry.id, ...row }, update: row });
  await tx.entry.update({ where: { id: entry.id }, data: { withChild: false } });
}

function checkedEffect(effect: Effect, today: CivilDate): Effect {
  const note = checkedNote(effect.note);
  if (effect.change === "lift") return { change: "lift", reason: null, note, reviewDue: null };
  if (!effect.reason) throw new Invalid("A reason is needed", [{ path: "reason", message: "staff:restriction.errors.reasonNeeded" }]);
  return { change: "withhold", reason: effect.reason, note, reviewDue: checkedReviewDue(effect.reviewDue, today) };
}

function checkedReviewDue(due: CivilDate | null, today: CivilDate): CivilDate {
  if (!due) throw new Invalid("A review date is needed", [{ path: "reviewDue", message: "staff:restriction.errors.reviewNeeded" }]);
  if (due <= today || due > addCalendarMonths(today, MAX_REVIEW_MONTHS)) {
    throw new Invalid("The review date is out of range", [{ path: "reviewDue", message: "staff:restriction.errors.reviewRange" }]);
  }
  return due;
}

function checkedNote(note: string): string {
  if (!note.trim()) throw new Invalid("A note is needed", [{ path: "note", message: "staff:restriction.errors.noteNeeded" }]);
  return note.trim();
}

function checkChangeFits(change: RestrictionChange, withChild: boolean) {
  if (change === "lift" && withChild) throw new Invalid("Not withheld", [{ path: "change", message: "staff:restriction.errors.notWithheld" }]);
}

const asDate = (d: CivilDate | null) => (d ? toDateColumn(d) : null);
