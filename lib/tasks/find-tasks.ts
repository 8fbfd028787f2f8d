import "server-only";
import { childWhereForActor, type Actor } from "../access/index.ts";
import { addCalendarMonths, addDays, addWorkingDays, fromDateColumn, londonDate, type CivilDate } from "../calendar/index.ts";
import type { Db, Prisma } from "../db/index.ts";
import { LOCALES } from "../i18n/config.ts";
import { paths } from "../paths.ts";
import { clipText } from "../plain-text.ts";

// A caseworker's home as a task list (#10): everything waiting on them across their allocated
// children, soonest due first, each with its due date. Due dates come from the rows themselves, so
// nothing needs a job to run. Where the law sets no limit, the council's own standard applies:
// 10 working days to answer a translation request or read an entry with the child, and a new
// case summary every 3 months.

export const TASK_KINDS = ["contribution", "correction", "contributionAnswer", "correctionAnswer", "translation", "readWithChild", "translationCheck", "restrictionReview", "restrictionProposal", "caseSummary"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** A caseworker's own work: proposals to keep something back wait on a manager, not on them. */
const CASEWORKER_KINDS = TASK_KINDS.filter((k) => k !== "restrictionProposal");

export type Task = { kind: TaskKind; id: string; childId: string; childName: string; title: string; dueOn: CivilDate; overdue: boolean; href: string };
export type TaskList = { tasks: Task[]; counts: Record<TaskKind, number>; overdue: number };

const SERVICE_DAYS = 10;
/** A translation waits for its second person at most 2 working days. */
const CHECK_DAYS = 2;
/** A manager decides a proposal to keep something back from the child within 5 working days. */
const DECISION_DAYS = 5;
const SUMMARY_MONTHS = 3;
/** Reviews and summaries join the list this many days before they fall due. */
const LOOK_AHEAD_DAYS = 30;
const PER_KIND = 100;
/** Text a person wrote, shown as a task's title, is cut at a word with "…" past this length. */
const TITLE_LENGTH = 80;

const day = fromDateColumn;
export const childSelect = { select: { fullName: true, preferredName: true } } as const;
export const nameOf = (c: { fullName: string; preferredName: string | null }) => c.preferredName ?? c.fullName;

/** `me`: the viewer, for work that must be someone else's (checking a translation they wrote). */
type Source = (db: Db, mine: Prisma.ChildWhereInput, today: CivilDate, me: string | null) => Promise<Omit<Task, "overdue">[]>;

const contributions: Source = async (db, mine) => {
  const rows = await db.contribution.findMany({
    where: { child: mine, status: { in: ["sent", "opened"] }, dueOn: { not: null } },
    select: { id: true, childId: true, kind: true, dueOn: true, child: childSelect },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({ kind: "contribution", id: r.id, childId: r.childId, childName: nameOf(r.child), title: r.kind, dueOn: day(r.dueOn!), href: paths.contribution(r.childId, r.id) }));
};

// A request waiting for the requester's answer is paused: it waits on them, not on the worker.
const corrections: Source = async (db, mine) => {
  const rows = await db.rectificationRequest.findMany({
    where: { child: mine, status: { in: ["received", "in_review"] } },
    select: { id: true, childId: true, dueOn: true, whatIsWrong: true, child: childSelect },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({ kind: "correction", id: r.id, childId: r.childId, childName: nameOf(r.child), title: clipText(r.whatIsWrong, TITLE_LENGTH), dueOn: day(r.dueOn), href: paths.correction(r.childId, r.id) }));
};

// The sender answered in a conversation (issue 16): a reply is due 10 working days after the first
// answer staff have not replied to, whether or not the item was closed (answered, added, decided).
const contributionAnswers: Source = async (db, mine) => {
  const rows = await db.contribution.findMany({
    where: { child: mine, answerDueOn: { not: null } },
    select: { id: true, childId: true, kind: true, answerDueOn: true, child: childSelect },
    orderBy: [{ answerDueOn: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({ kind: "contributionAnswer", id: r.id, childId: r.childId, childName: nameOf(r.child), title: r.kind, dueOn: day(r.answerDueOn!), href: paths.contribution(r.childId, r.id) }));
};

const correctionAnswers: Source = async (db, mine) => {
  const rows = await db.rectificationRequest.findMany({
    where: { child: mine, answerDueOn: { not: null }, status: { not: "withdrawn" } },
    select: { id: true, childId: true, answerDueOn: true, whatIsWrong: true, child: childSelect },
    orderBy: [{ answerDueOn: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({ kind: "correctionAnswer", id: r.id, childId: r.childId, childName: nameOf(r.child), title: clipText(r.whatIsWrong, TITLE_LENGTH), dueOn: day(r.answerDueOn!), href: paths.correction(r.childId, r.id) }));
};

// Asked for, not yet translated into that language (a translation made since closes it), and no
// translation of it waiting for a check: once one is sent, the work is the checker's (a
// "translationCheck" task), not the writer's, until it is approved or sent back. Decided in the
// query, so answered requests never crowd out open ones.
const UNANSWERED = LOCALES.filter((l) => l !== "en").map((locale) => ({
  locale,
  entry: { translations: { none: { locale } }, translationDrafts: { none: { locale, check: { is: null } } } },
}));
const translations: Source = async (db, mine) => {
  const rows = await db.translationRequest.findMany({
    where: { child: mine, OR: UNANSWERED },
    distinct: ["entryId", "locale"],
    select: { id: true, childId: true, entryId: true, locale: true, requestedAt: true, child: childSelect, entry: { select: { title: true } } },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({
    kind: "translation", id: r.id, childId: r.childId, childName: nameOf(r.child), title: r.entry.title,
    dueOn: addWorkingDays(londonDate(r.requestedAt), SERVICE_DAYS), href: paths.translate(r.childId, r.entryId, r.locale),
  }));
};

// Translations written here wait for a second person; never the one who wrote them.
const translationChecks: Source = async (db, mine, _today, me) => {
  const rows = await db.translationDraft.findMany({
    where: { check: { is: null }, entry: { child: mine }, ...(me ? { submittedById: { not: me } } : {}) },
    select: { id: true, submittedAt: true, entry: { select: { id: true, childId: true, title: true, child: childSelect } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map(({ id, submittedAt, entry }) => ({
    kind: "translationCheck", id, childId: entry.childId, childName: nameOf(entry.child), title: entry.title,
    dueOn: addWorkingDays(londonDate(submittedAt), CHECK_DAYS), href: paths.translationCheck(entry.childId, entry.id, id),
  }));
};

const readWithChild: Source = async (db, mine) => {
  const rows = await db.entry.findMany({
    where: { child: mine, status: "current", withChild: true, readWithWorker: true, releasedAt: null },
    select: { id: true, childId: true, title: true, recordedAt: true, child: childSelect },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map((r) => ({ kind: "readWithChild", id: r.id, childId: r.childId, childName: nameOf(r.child), title: r.title, dueOn: addWorkingDays(londonDate(r.recordedAt), SERVICE_DAYS), href: paths.entry(r.childId, r.id) }));
};

// The review date that stands is the latest review's next date, else the one set with the restriction.
// Only while the entry is kept from the child: once shown again, the row is history.
const restrictionReviews: Source = async (db, mine, today) => {
  const rows = await db.restriction.findMany({
    where: { entry: { child: mine, status: "current", withChild: false } },
    select: {
      id: true, reviewDue: true,
      entry: { select: { id: true, childId: true, title: true, child: childSelect } },
      reviews: { select: { nextReviewDue: true }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }], take: 1 },
    },
    take: 500,
  });
  const horizon = addDays(today, LOOK_AHEAD_DAYS);
  return rows.flatMap((r) => {
    const due = r.reviews.length ? r.reviews[0].nextReviewDue : r.reviewDue;
    if (!due || day(due) > horizon) return [];
    const { entry } = r;
    return [{ kind: "restrictionReview" as const, id: r.id, childId: entry.childId, childName: nameOf(entry.child), title: entry.title, dueOn: day(due), href: paths.entry(entry.childId, entry.id) }];
  });
};

const restrictionProposals: Source = async (db, mine) => {
  const rows = await db.restrictionProposal.findMany({
    where: { decision: { is: null }, entry: { child: mine } },
    select: { id: true, proposedAt: true, entry: { select: { id: true, childId: true, title: true, child: childSelect } } },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    take: PER_KIND,
  });
  return rows.map(({ id, proposedAt, entry }) => ({
    kind: "restrictionProposal", id, childId: entry.childId, childName: nameOf(entry.child), title: entry.title,
    dueOn: addWorkingDays(londonDate(proposedAt), DECISION_DAYS), href: paths.entry(entry.childId, entry.id),
  }));
};

// Each child's latest current case summary is due again 3 months after it was written; a child with none is due now.
// Summaries come from the council's case system, not from this portal: the task says so and links
// to the latest one (or to the record when there is none). Its title says which: "old" (3 months
// or more), "soon" (within the look-ahead) or "none".
const caseSummaries: Source = async (db, mine, today) => {
  const children = await db.child.findMany({
    where: mine,
    select: { id: true, fullName: true, preferredName: true, entries: { where: { type: "case_summary", status: "current" }, select: { id: true, recordedAt: true }, orderBy: [{ recordedAt: "desc" }, { id: "asc" }], take: 1 } },
    take: 500,
  });
  const horizon = addDays(today, LOOK_AHEAD_DAYS);
  return children.flatMap((c) => {
    const latest = c.entries[0];
    const dueOn = latest ? addCalendarMonths(londonDate(latest.recordedAt), SUMMARY_MONTHS) : today;
    if (dueOn > horizon) return [];
    const title = !latest ? "none" : dueOn <= today ? "old" : "soon";
    return [{ kind: "caseSummary" as const, id: c.id, childId: c.id, childName: nameOf(c), title, dueOn, href: latest ? paths.entry(c.id, latest.id) : paths.record(c.id) }];
  });
};

const SOURCES: Record<TaskKind, Source> = {
  contribution: contributions,
  correction: corrections,
  contributionAnswer: contributionAnswers,
  correctionAnswer: correctionAnswers,
  translation: translations,
  translationCheck: translationChecks,
  readWithChild,
  restrictionReview: restrictionReviews,
  restrictionProposal: restrictionProposals,
  caseSummary: caseSummaries,
};

/** The tasks of these kinds for the children matched by `where`, soonest due first, overdue marked. */
export async function collectTasks(db: Db, where: Prisma.ChildWhereInput, now: Date, kinds: readonly TaskKind[] = TASK_KINDS, me: string | null = null): Promise<TaskList> {
  const today = londonDate(now);
  const found = (await Promise.all(kinds.map((kind) => SOURCES[kind](db, where, today, me)))).flat();
  const tasks = found
    .map((t) => ({ ...t, overdue: t.dueOn < today }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, 0])) as Record<TaskKind, number>;
  for (const t of tasks) counts[t.kind] += 1;
  return { tasks, counts, overdue: tasks.filter((t) => t.overdue).length };
}

/** What a translator does: translations asked for, and others' translations to check. */
const TRANSLATOR_KINDS = ["translation", "translationCheck"] as const satisfies readonly TaskKind[];

/**
 * Everything waiting on a caseworker across their allocated children, soonest due first. A
 * translator's list spans every child, but only the entries waiting for a translation (the
 * sources filter to those), and without the child's name, which their work does not need.
 */
export async function findTasks(input: { db: Db; actor: Actor; now: Date }): Promise<TaskList> {
  if (input.actor.role === "translator") {
    const list = await collectTasks(input.db, {}, input.now, TRANSLATOR_KINDS, input.actor.userId);
    return { ...list, tasks: list.tasks.map((t) => ({ ...t, childName: "" })) };
  }
  if (input.actor.role !== "caseworker") return collectTasks(input.db, { id: { in: [] } }, input.now, []);
  return collectTasks(input.db, childWhereForActor(input.actor), input.now, CASEWORKER_KINDS, input.actor.userId);
}
