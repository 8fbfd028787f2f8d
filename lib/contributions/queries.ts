import "server-only";
import { readableContributionWhere, readableEntryWhere, type Actor } from "../access/index.ts";
import { fromDateColumn, londonDate } from "../calendar/index.ts";
import type { Db, Prisma } from "../db/index.ts";
import type { ContributionKind, ContributionStatus } from "../db/generated/enums.ts";
import { NotFound } from "../errors/index.ts";
import { findAttachedFile } from "../files/index.ts";
import { clipText } from "../plain-text.ts";
import { isAwaitingAnswer } from "./rules.ts";
import { conversationState, inOrder, staffHaveWritten, type ConversationState, type ThreadMessage } from "./thread.ts";

export type ContributionSummary = {
  id: string;
  childId: string;
  childName: string;
  kind: ContributionKind;
  status: ContributionStatus;
  preview: string;
  fileCount: number;
  sentAt: Date | null;
  createdAt: Date;
  /** "YYYY-MM-DD": the day an answer is due. */
  dueOn: string | null;
  overdue: boolean;
  fromMe: boolean;
  authorName: string;
  authorRole: string;
  helpedByName: string | null;
  /** The sender answered a reply: staff owe another, by this day. */
  conversation: ConversationState;
};

const summarySelect = {
  id: true, childId: true, kind: true, status: true, body: true, sentAt: true, createdAt: true, dueOn: true, authorId: true, answerDueOn: true,
  child: { select: { fullName: true, preferredName: true } },
  author: { select: { displayName: true, role: true } },
  helpedBy: { select: { displayName: true } },
} satisfies Prisma.ContributionSelect;

export type SummaryRow = Prisma.ContributionGetPayload<{ select: typeof summarySelect }>;
export { summarySelect };

/**
 * Files per contribution, for the ones listed only (Prisma's relation count would aggregate the
 * whole attachments table, which grows with every contribution anyone sends).
 */
export async function countFiles(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await db.contributionAttachment.groupBy({ by: ["contributionId"], where: { contributionId: { in: ids } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.contributionId, g._count._all]));
}

export function summarise(row: SummaryRow, actor: Actor, today: string, files: Map<string, number>): ContributionSummary {
  const dueOn = row.dueOn ? fromDateColumn(row.dueOn) : null;
  return {
    id: row.id,
    childId: row.childId,
    childName: row.child.preferredName ?? row.child.fullName,
    kind: row.kind,
    status: row.status,
    preview: clipText(row.body, 140),
    fileCount: files.get(row.id) ?? 0,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
    dueOn,
    overdue: Boolean(dueOn && isAwaitingAnswer(row.status) && dueOn < today),
    fromMe: row.authorId === actor.userId,
    authorName: row.author.displayName,
    authorRole: row.author.role,
    helpedByName: row.helpedBy?.displayName ?? null,
    conversation: conversationState(row.answerDueOn, today),
  };
}

/** "What I've sent" on a record: everything this person may read there, drafts first, then newest. */
export async function findContributionsOnRecord(input: { db: Db; actor: Actor; childId: string; now: Date }): Promise<ContributionSummary[]> {
  const rows = await input.db.contribution.findMany({
    where: readableContributionWhere(input.actor, input.childId),
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const today = londonDate(input.now);
  const files = await countFiles(input.db, rows.map((r) => r.id));
  return rows.map((r) => summarise(r, input.actor, today, files)).sort((a, b) => Number(b.status === "draft") - Number(a.status === "draft"));
}

/** One contribution with its files, replies and steps, for someone who may read it; else not found. */
export async function findContribution(input: { db: Db; actor: Actor; childId: string; contributionId: string; now: Date }) {
  const { db, actor, childId, contributionId } = input;
  if (!/^[0-9a-f-]{36}$/i.test(contributionId)) throw new NotFound();
  const row = await db.contribution.findFirst({
    where: { AND: [{ id: contributionId }, readableContributionWhere(actor, childId)] },
    select: {
      ...summarySelect, body: true, sharedWithChild: true, sharedWithFamily: true, openedAt: true, answeredAt: true, addedAt: true, withdrawnAt: true,
      recordEntryId: true, aboutEntryId: true, originalWhereabouts: true, originalPlace: true, originalReturnedOn: true, helpedById: true,
      attachments: { where: { answerId: null }, select: fileSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      replies: { select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { displayName: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      answers: {
        select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { displayName: true } }, attachments: { select: fileSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      events: { select: { kind: true, at: true }, orderBy: { at: "asc" } },
    },
  });
  if (!row) throw new NotFound();
  const entries = await readableEntries(input, [row.aboutEntryId, row.recordEntryId]);
  const thread = threadOf(row, actor);
  return {
    ...summarise(row, actor, londonDate(input.now), new Map([[row.id, row.attachments.length]])),
    ...row,
    dueOn: row.dueOn ? fromDateColumn(row.dueOn) : null,
    // Whoever may read the contribution may still not read the entry it is about or became
    // (kept from the child, excluding the reader by name, waiting to be read with a worker):
    // then not its title, not even its id.
    aboutEntryId: row.aboutEntryId && entries.get(row.aboutEntryId) ? row.aboutEntryId : null,
    aboutEntry: row.aboutEntryId && entries.get(row.aboutEntryId) ? { title: entries.get(row.aboutEntryId)!.title } : null,
    recordEntryId: row.recordEntryId && entries.get(row.recordEntryId) ? row.recordEntryId : null,
    thread,
    // Its sender, once staff have written to them, until it is withdrawn (never a draft).
    mayAnswer: row.authorId === actor.userId && row.status !== "withdrawn" && row.status !== "draft" && staffHaveWritten(thread),
  };
}

const fileSelect = { id: true, fileName: true, mediaType: true, reencoded: true, file: { select: { size: true } } } satisfies Prisma.ContributionAttachmentSelect;
type FileRow = Prisma.ContributionAttachmentGetPayload<{ select: typeof fileSelect }>;
const threadFile = (f: FileRow) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, reencoded: f.reencoded });
const listedFile = (f: FileRow) => ({ ...threadFile(f), size: f.file.size });

type ThreadSource = {
  id: string; body: string; sentAt: Date | null; createdAt: Date; authorId: string; author: { displayName: string }; attachments: FileRow[];
  replies: { id: string; body: string; createdAt: Date; authorId: string; author: { displayName: string } }[];
  answers: { id: string; body: string; createdAt: Date; authorId: string; author: { displayName: string }; attachments: FileRow[] }[];
};

/** The whole conversation, oldest first: what was sent, each staff reply (also those written before answers existed), each answer. */
function threadOf(row: ThreadSource, actor: Actor): ThreadMessage[] {
  const mine = (authorId: string) => authorId === actor.userId;
  return inOrder([
    { id: row.id, kind: "first", side: "sender", authorName: row.author.displayName, fromMe: mine(row.authorId), at: row.sentAt ?? row.createdAt, body: row.body, files: row.attachments.map(threadFile) },
    ...row.replies.map((r): ThreadMessage => ({ id: r.id, kind: "reply", side: "staff", authorName: r.author.displayName, fromMe: mine(r.authorId), at: r.createdAt, body: r.body, files: [] })),
    ...row.answers.map((a): ThreadMessage => ({ id: a.id, kind: "answer", side: "sender", authorName: a.author.displayName, fromMe: mine(a.authorId), at: a.createdAt, body: a.body, files: a.attachments.map(threadFile) })),
  ]);
}

/**
 * Of these entries, the ones this reader may read, through the entries' own rule, each with its
 * title and whether "My things" lists it as the child's own.
 */
async function readableEntries(input: { db: Db; actor: Actor; childId: string }, ids: (string | null)[]): Promise<Map<string, { title: string; belongsToChild: boolean }>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await input.db.entry.findMany({
    where: { AND: [{ id: { in: wanted } }, readableEntryWhere(input.actor, input.childId)] },
    select: { id: true, title: true, belongsToChild: true },
  });
  return new Map(rows.map((r) => [r.id, { title: r.title, belongsToChild: r.belongsToChild }]));
}

export type ContributionDetail = Awaited<ReturnType<typeof findContribution>>;

/** A file sent with a contribution, for someone who may read the contribution; else not found. */
export function findContributionFile(input: { db: Db; actor: Actor; childId: string; contributionId: string; attachmentId: string }) {
  const { db, actor, childId, contributionId, attachmentId } = input;
  return findAttachedFile(db, [contributionId, attachmentId], {
    table: "contributionAttachment",
    where: { id: attachmentId, contributionId, contribution: readableContributionWhere(actor, childId) },
  });
}

export type SentThing = {
  contributionId: string;
  kind: ContributionKind;
  preview: string;
  sentAt: Date;
  fromMe: boolean;
  /** Added to the record: the entry, linked only when this viewer may read it. */
  inRecord: { entryId: string | null } | null;
  originalWhereabouts: string | null;
  originalPlace: string | null;
  originalReturnedOn: Date | null;
  files: { id: string; fileName: string; mediaType: string; reencoded: boolean; size: number }[];
};

/**
 * For "My things": every copy sent with a contribution this viewer may read, also once it is in
 * the record (the copies stay the sender's, whatever the kind), with the entry it became. An entry
 * that "My things" already lists as the child's own (a proud item the viewer may read) is left out
 * here, so one certificate is not shown twice.
 */
export async function findSentThings(input: { db: Db; actor: Actor; childId: string }): Promise<SentThing[]> {
  const rows = await input.db.contribution.findMany({
    where: { AND: [readableContributionWhere(input.actor, input.childId), { status: { in: ["sent", "opened", "answered", "added"] } }, { attachments: { some: { answerId: null } } }] },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true, kind: true, body: true, sentAt: true, authorId: true, recordEntryId: true, originalWhereabouts: true, originalPlace: true, originalReturnedOn: true,
      // The first message's copies: those it became an entry with (an answer's stay in the conversation).
      attachments: { where: { answerId: null }, orderBy: { createdAt: "asc" }, select: fileSelect },
    },
  });
  const readable = await readableEntries(input, rows.map((r) => r.recordEntryId));
  return rows.filter((r) => !(r.recordEntryId && readable.get(r.recordEntryId)?.belongsToChild)).map((r) => ({
    contributionId: r.id,
    kind: r.kind,
    preview: clipText(r.body, 80),
    sentAt: r.sentAt!,
    fromMe: r.authorId === input.actor.userId,
    inRecord: r.recordEntryId ? { entryId: readable.has(r.recordEntryId) ? r.recordEntryId : null } : null,
    originalWhereabouts: r.originalWhereabouts,
    originalPlace: r.originalPlace,
    originalReturnedOn: r.originalReturnedOn,
    files: r.attachments.map(listedFile),
  }));
}
