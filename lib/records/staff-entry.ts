import "server-only";
import { audienceOf, isStaffWorker, mayDecideRestrictions, readableEntryWhere, type Actor } from "../access/index.ts";
import { fromDateColumn, londonDate, type CivilDate } from "../calendar/index.ts";
import type { Db } from "../db/index.ts";
import type { RestrictionChange, RestrictionOutcome, RestrictionReason } from "../db/generated/enums.ts";
import { restrictionVersion } from "../restrictions/index.ts";

// An entry as staff see it (issue 10): who can read it, why it is kept from the child and until
// when, what was asked and decided about that, its versions and its translations. Loaded through
// the same policy as the entry itself, and only for staff.

const HISTORY = 20;

type Decision = { outcome: RestrictionOutcome; reason: RestrictionReason | null; note: string; reviewDue: CivilDate | null; by: string; at: Date };
export type RestrictionProposalView = {
  id: string;
  change: RestrictionChange;
  reason: RestrictionReason | null;
  note: string;
  reviewDue: CivilDate | null;
  by: string;
  at: Date;
  decision: Decision | null;
};
export type StaffEntryFacts = {
  withChild: boolean;
  withFamily: boolean;
  readWithWorker: { releasedAt: Date | null } | null;
  excluded: string[];
  restriction: { reason: RestrictionReason; note: string | null; decidedBy: string; reviewDue: CivilDate | null; overdue: boolean; lastReview: { by: string; at: Date; note: string } | null } | null;
  waiting: RestrictionProposalView | null;
  history: RestrictionProposalView[];
  /** Where each version came from: the council's records, written here (a first version), or changed here. */
  versions: { version: number; at: Date; origin: "import" | "written" | "changed" }[];
  translations: { locale: string; translatedBy: string; checkedBy: string | null; at: Date }[];
  /** Translations written here, newest first: waiting for a check, or checked. */
  drafts: TranslationDraftView[];
  /** Languages a translation has been asked for in (by a reader, or sent to the translators by staff). */
  asked: string[];
  /** Whether it may be sent to the translators: only an entry the child or family can read. */
  mayAskTranslator: boolean;
  mayDecide: boolean;
  /** Carried in the review and decision forms: a change by someone else in between is a conflict. */
  restrictionVersion: number;
};
export type TranslationDraftView = {
  id: string; locale: string; translatedBy: string; by: string; at: Date; mine: boolean;
  check: { outcome: "approved" | "returned"; note: string; by: string; at: Date } | null;
};

export async function findStaffEntryFacts(input: { db: Db; actor: Actor; childId: string; entryId: string; now: Date }): Promise<StaffEntryFacts | null> {
  const { db, actor, childId, entryId } = input;
  if (audienceOf(actor) !== "staff") return null;
  const e = await db.entry.findFirst({
    where: { AND: [readableEntryWhere(actor, childId), { id: entryId }] },
    select: {
      id: true, version: true, withChild: true, withFamily: true, readWithWorker: true, releasedAt: true,
      exclusions: { select: { person: { select: { fullName: true } } } },
      restriction: {
        select: {
          reason: true, note: true, decidedBy: true, reviewDue: true,
          reviews: { orderBy: [{ reviewedAt: "desc" }, { id: "desc" }], take: 1, select: { note: true, reviewedAt: true, nextReviewDue: true, reviewer: { select: { displayName: true } } } },
        },
      },
      restrictionProposals: {
        orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
        take: HISTORY,
        select: {
          id: true, change: true, reason: true, note: true, reviewDue: true, proposedAt: true, proposedBy: { select: { displayName: true } },
          decision: { select: { outcome: true, reason: true, note: true, reviewDue: true, decidedAt: true, decidedBy: { select: { displayName: true } } } },
        },
      },
      versions: { orderBy: { version: "desc" }, take: HISTORY, select: { version: true, createdAt: true, importId: true } },
      translations: { orderBy: { locale: "asc" }, select: { locale: true, translatedBy: true, checkedBy: true, translatedAt: true } },
      translationRequests: { distinct: ["locale"], select: { locale: true }, take: 20 },
      translationDrafts: {
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        take: HISTORY,
        select: {
          id: true, locale: true, translatedBy: true, submittedAt: true, submittedById: true, submittedBy: { select: { displayName: true } },
          check: { select: { outcome: true, note: true, checkedAt: true, checkedBy: { select: { displayName: true } } } },
        },
      },
    },
  });
  if (!e) return null;
  const history = e.restrictionProposals.map(proposalView);
  return {
    withChild: e.withChild,
    withFamily: e.withFamily,
    readWithWorker: e.readWithWorker ? { releasedAt: e.releasedAt } : null,
    excluded: e.exclusions.map((x) => x.person.fullName).sort(),
    restriction: !e.withChild && e.restriction ? restrictionView(e.restriction, londonDate(input.now)) : null,
    waiting: history.find((p) => !p.decision) ?? null,
    history,
    versions: e.versions.map((v) => ({ version: v.version, at: v.createdAt, origin: v.importId !== null ? "import" : v.version === 1 ? "written" : "changed" })),
    translations: e.translations.map((t) => ({ locale: t.locale, translatedBy: t.translatedBy, checkedBy: t.checkedBy, at: t.translatedAt })),
    drafts: e.translationDrafts.map((d) => ({
      id: d.id, locale: d.locale, translatedBy: d.translatedBy, by: d.submittedBy.displayName, at: d.submittedAt, mine: d.submittedById === actor.userId,
      check: d.check ? { outcome: d.check.outcome, note: d.check.note, by: d.check.checkedBy.displayName, at: d.check.checkedAt } : null,
    })),
    asked: e.translationRequests.map((r) => r.locale),
    mayAskTranslator: isStaffWorker(actor) && (e.withChild || e.withFamily),
    mayDecide: mayDecideRestrictions(actor),
    restrictionVersion: await restrictionVersion(db, e),
  };
}

type RestrictionRow = {
  reason: RestrictionReason; note: string | null; decidedBy: string; reviewDue: Date | null;
  reviews: { note: string; reviewedAt: Date; nextReviewDue: Date | null; reviewer: { displayName: string } }[];
};

// The review date that stands is the latest review's next date, else the one set with the restriction.
function restrictionView(r: RestrictionRow, today: CivilDate): NonNullable<StaffEntryFacts["restriction"]> {
  const last = r.reviews[0];
  const due = civil(last ? last.nextReviewDue : r.reviewDue);
  return {
    reason: r.reason, note: r.note, decidedBy: r.decidedBy, reviewDue: due, overdue: due !== null && due < today,
    lastReview: last ? { by: last.reviewer.displayName, at: last.reviewedAt, note: last.note } : null,
  };
}

type ProposalRow = {
  id: string; change: RestrictionChange; reason: RestrictionReason | null; note: string; reviewDue: Date | null; proposedAt: Date; proposedBy: { displayName: string };
  decision: { outcome: RestrictionOutcome; reason: RestrictionReason | null; note: string; reviewDue: Date | null; decidedAt: Date; decidedBy: { displayName: string } } | null;
};

function proposalView(p: ProposalRow): RestrictionProposalView {
  const d = p.decision;
  return {
    id: p.id, change: p.change, reason: p.reason, note: p.note, reviewDue: civil(p.reviewDue), by: p.proposedBy.displayName, at: p.proposedAt,
    decision: d ? { outcome: d.outcome, reason: d.reason, note: d.note, reviewDue: civil(d.reviewDue), by: d.decidedBy.displayName, at: d.decidedAt } : null,
  };
}

const civil = (d: Date | null): CivilDate | null => (d ? fromDateColumn(d) : null);
