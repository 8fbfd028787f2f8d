import "server-only";
import { audienceOf, readableEntryWhere, readableRequestWhere, type Actor } from "../access/index.ts";
import { fromDateColumn } from "../calendar/index.ts";
import type { Db, Prisma } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { findAttachedFile } from "../files/index.ts";
import { clipText } from "../plain-text.ts";
import { conversationState, inOrder, staffHaveWritten, type ConversationState, type ThreadMessage } from "../contributions/index.ts";
import { clockView, receivedOn, type ClockView } from "./clock.ts";


// A request names only the entries its reader may read now (the entries' own rule, in the query):
// someone may read a request about an entry since kept from them, excluding them, or not yet read
// with the child, and must then learn nothing of that entry, not even its id.
function readableItems(actor: Actor, childId: string | null) {
  return { entry: readableEntryWhere(actor, childId) } satisfies Prisma.RectificationItemWhereInput;
}

function summarySelect(actor: Actor, childId: string | null) {
  return {
    id: true, childId: true, status: true, outcome: true, whatIsWrong: true, receivedAt: true, receivedOn: true, dueOn: true,
    extendedMonths: true, pausedDays: true, pausedOn: true, requesterId: true, answerDueOn: true,
    child: { select: { fullName: true, preferredName: true } },
    requester: { select: { displayName: true, role: true } },
    helpedBy: { select: { displayName: true } },
    items: { where: readableItems(actor, childId), select: { entryId: true, sectionPosition: true, entry: { select: { title: true } } } },
  } satisfies Prisma.RectificationRequestSelect;
}
type SummaryRow = Prisma.RectificationRequestGetPayload<{ select: ReturnType<typeof summarySelect> }>;

export type RequestSummary = {
  id: string; childId: string; childName: string; status: SummaryRow["status"]; outcome: SummaryRow["outcome"];
  whatIsWrong: string; receivedAt: Date; clock: ClockView; fromMe: boolean; requesterName: string; requesterRole: string;
  helpedByName: string | null; entryTitles: string[];
  /** The requester answered in the conversation: staff owe a reply, by this day. */
  conversation: ConversationState;
};

function clockOf(row: SummaryRow, today: string): ClockView {
  return clockView({
    receivedOn: fromDateColumn(row.receivedOn), extendedMonths: row.extendedMonths, pausedDays: row.pausedDays,
    pausedOn: row.pausedOn ? fromDateColumn(row.pausedOn) : null, dueOn: fromDateColumn(row.dueOn), closed: row.status === "decided" || row.status === "withdrawn",
  }, today);
}

function summarise(row: SummaryRow, actor: Actor, today: string): RequestSummary {
  return {
    id: row.id, childId: row.childId, childName: row.child.preferredName ?? row.child.fullName, status: row.status, outcome: row.outcome,
    whatIsWrong: clipText(row.whatIsWrong, 140), receivedAt: row.receivedAt,
    clock: clockOf(row, today), fromMe: row.requesterId === actor.userId, requesterName: row.requester.displayName, requesterRole: row.requester.role,
    helpedByName: row.helpedBy?.displayName ?? null,
    entryTitles: [...new Set(row.items.map((i) => i.entry.title))],
    conversation: conversationState(row.answerDueOn, today),
  };
}

/** Requests on one record this person may read, newest first. */
export async function findRequestsOnRecord(input: { db: Db; actor: Actor; childId: string; now: Date }): Promise<RequestSummary[]> {
  const rows = await input.db.rectificationRequest.findMany({
    where: readableRequestWhere(input.actor, input.childId), select: summarySelect(input.actor, input.childId), orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: 200,
  });
  return rows.map((r) => summarise(r, input.actor, receivedOn(input.now)));
}

export type OpenRequests = { items: RequestSummary[]; overdue: number; dueSoon: number };

/**
 * For staff: every open request they may read (a manager: their team's), overdue first, then by
 * due day. Overdue and "due within 7 days" come from the due day, so nothing needs a job to run.
 */
export async function findOpenRequests(input: { db: Db; actor: Actor; now: Date }): Promise<OpenRequests> {
  if (audienceOf(input.actor) !== "staff") return { items: [], overdue: 0, dueSoon: 0 };
  const rows = await input.db.rectificationRequest.findMany({
    where: { AND: [readableRequestWhere(input.actor, null), { status: { in: ["received", "in_review", "waiting"] } }] },
    select: summarySelect(input.actor, null),
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 200,
  });
  const items = rows.map((r) => summarise(r, input.actor, receivedOn(input.now)));
  const overdue = (s: RequestSummary) => s.clock.kind === "running" && s.clock.overdue;
  items.sort((a, b) => Number(overdue(b)) - Number(overdue(a)));
  return { items, overdue: items.filter(overdue).length, dueSoon: items.filter((s) => s.clock.kind === "running" && s.clock.dueSoon).length };
}

/** One request with its history, for someone who may read it; else not found. */
export async function findRequest(input: { db: Db; actor: Actor; childId: string; requestId: string; now: Date }) {
  const { db, actor } = input;
  if (!/^[0-9a-f-]{36}$/i.test(input.requestId)) throw new NotFound();
  const row = await db.rectificationRequest.findFirst({
    where: { AND: [{ id: input.requestId }, readableRequestWhere(actor, input.childId)] },
    select: {
      ...summarySelect(actor, input.childId), whatIsWrong: true, whatItShouldSay: true, extensionReason: true, decisionReason: true, decidedAt: true, version: true,
      _count: { select: { items: true } },
      items: { where: readableItems(actor, input.childId), select: { entryId: true, sectionPosition: true, entry: { select: { title: true, sections: { select: { position: true, text: true }, orderBy: { position: "asc" } } } } } },
      events: { select: { id: true, kind: true, at: true, note: true, dueOn: true, actorId: true, actor: { select: { displayName: true, role: true } } }, orderBy: { at: "asc" } },
      // The request's own evidence: files sent with an answer stay with the answer.
      attachments: { where: { messageId: null }, select: fileSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      messages: {
        select: { id: true, body: true, createdAt: true, fromStaff: true, authorId: true, author: { select: { displayName: true } }, attachments: { select: fileSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      disagreements: { where: { entry: readableEntryWhere(actor, input.childId) }, select: { entryId: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new NotFound();
  const staff = audienceOf(actor) === "staff";
  const thread = threadOf(row, actor);
  return {
    ...summarise(row, actor, receivedOn(input.now)),
    whatIsWrong: row.whatIsWrong,
    whatItShouldSay: row.whatItShouldSay,
    extensionReason: row.extensionReason,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt,
    version: row.version,
    items: row.items.map((i) => ({ entryId: i.entryId, title: i.entry.title, sectionPosition: i.sectionPosition, sections: i.entry.sections })),
    // The requester knows what they asked about; they are told only that a part of it is kept
    // from them now (never which, nor why), so the page does not offer what they cannot do.
    entriesHidden: row._count.items > row.items.length,
    events: row.events.map((e) => ({ kind: e.kind, at: e.at, note: e.note, dueOn: e.dueOn ? fromDateColumn(e.dueOn) : null, by: e.actor.displayName })),
    attachments: row.attachments,
    disagreements: row.disagreements,
    sharedWith: staff ? await sharedWith(db, row.childId, row.items.map((i) => i.entryId)) : [],
    thread,
    // Its requester, once staff wrote to them (the decision counts), unless withdrawn; while a
    // question waits, its own answer comes first.
    mayAnswer: row.requesterId === actor.userId && row.status !== "withdrawn" && row.status !== "waiting" && (row.status === "decided" || staffHaveWritten(thread)),
  };
}

const fileSelect = { id: true, fileName: true, mediaType: true, reencoded: true } satisfies Prisma.RectificationAttachmentSelect;

type ThreadSource = {
  id: string; whatIsWrong: string; receivedAt: Date; requesterId: string; requester: { displayName: string };
  attachments: ThreadMessage["files"];
  events: { id: string; kind: string; at: Date; note: string | null; actorId: string; actor: { displayName: string } }[];
  messages: { id: string; body: string; createdAt: Date; fromStaff: boolean; authorId: string; author: { displayName: string }; attachments: ThreadMessage["files"] }[];
};

// The questions asked and answered on the way are part of the conversation; other steps (an
// extension, the decision) are the request's own and shown as such.
const SPOKEN = { question_asked: ["question", "staff"], question_answered: ["questionAnswer", "sender"] } as const;

/** The whole conversation, oldest first: what was asked, questions and their answers, staff replies, the requester's answers. */
function threadOf(row: ThreadSource, actor: Actor): ThreadMessage[] {
  const mine = (authorId: string) => authorId === actor.userId;
  const spoken = row.events.flatMap((e): ThreadMessage[] => {
    const as = SPOKEN[e.kind as keyof typeof SPOKEN];
    return as && e.note ? [{ id: e.id, kind: as[0], side: as[1], authorName: e.actor.displayName, fromMe: mine(e.actorId), at: e.at, body: e.note, files: [] }] : [];
  });
  return inOrder([
    { id: row.id, kind: "first", side: "sender", authorName: row.requester.displayName, fromMe: mine(row.requesterId), at: row.receivedAt, body: row.whatIsWrong, files: row.attachments },
    ...spoken,
    ...row.messages.map((m): ThreadMessage => ({
      id: m.id, kind: m.fromStaff ? "reply" : "answer", side: m.fromStaff ? "staff" : "sender", authorName: m.author.displayName, fromMe: mine(m.authorId), at: m.createdAt, body: m.body, files: m.attachments,
    })),
  ]);
}
export type RequestDetail = Awaited<ReturnType<typeof findRequest>>;

/** Everyone the entries (or the whole record) were shared with, from the sharing log: whom to tell of a correction (Art. 19). */
async function sharedWith(db: Db, childId: string, entryIds: string[]) {
  return db.sharingRecord.findMany({
    where: { childId, OR: [{ what: { not: "entries" } }, { entries: { some: { entryId: { in: entryIds } } } }] },
    select: { recipient: true, recipientName: true, sharedOn: true, purpose: true },
    orderBy: [{ sharedOn: "desc" }, { id: "desc" }],
    take: 100,
  });
}

/** An evidence file of a request, for someone who may read the request; else not found. */
export function findRequestFile(input: { db: Db; actor: Actor; childId: string; requestId: string; attachmentId: string }) {
  return findAttachedFile(input.db, [input.requestId, input.attachmentId], {
    table: "rectificationAttachment",
    where: { id: input.attachmentId, requestId: input.requestId, request: readableRequestWhere(input.actor, input.childId) },
  });
}
