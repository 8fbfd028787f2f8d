import "server-only";
import { audienceOf, readableRequestWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { fromDateColumn, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma, RequestEventKind } from "../db/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { tell, type NewsKind } from "../news/index.ts";
import { notifyAllocatedCaseworkers } from "../notifications/index.ts";
import { paths } from "../paths.ts";
import { dueOn, extensionProblem, receivedOn, resume, type ClockState } from "./clock.ts";

type Tx = Prisma.TransactionClient;
export type Ref = { db: Db; clock: Clock; actor: Actor; childId: string; requestId: string };
type Row = Awaited<ReturnType<typeof lockRequest>>;

// Every step a request can take after it arrives. Each runs in one transaction: the request's
// row (with its version bumped), the step in its history, the audit row and any notification.

type Step = { id: string; childId: string; actor: Actor; now: Date; kind: RequestEventKind; note?: string | null; dueOn?: Date | null };

/** One step in the request's history (append-only) and the audit log, in the caller's transaction. */
export async function recordStep(tx: Tx, step: Step) {
  await tx.rectificationEvent.create({ data: { requestId: step.id, kind: step.kind, actorId: step.actor.userId, at: step.now, note: step.note ?? null, dueOn: step.dueOn ?? null } });
  await appendAudit(tx, { actor: step.actor, action: `correction.${step.kind.replaceAll("_", "-")}`, childId: step.childId, subjectType: "correction-request", subjectId: step.id, at: step.now });
}

/** The request for someone who may read it, locked against other changes until the transaction ends. */
async function lockRequest(tx: Tx, ref: Ref) {
  if (!/^[0-9a-f-]{36}$/i.test(ref.requestId)) throw new NotFound();
  const seen = await tx.rectificationRequest.findFirst({ where: { AND: [{ id: ref.requestId }, readableRequestWhere(ref.actor, ref.childId)] }, select: { id: true } });
  if (!seen) throw new NotFound();
  await tx.$executeRaw`SELECT 1 FROM "RectificationRequest" WHERE "id" = ${ref.requestId} FOR UPDATE`;
  return tx.rectificationRequest.findUniqueOrThrow({ where: { id: ref.requestId }, include: { items: true } });
}

/** Staff act with the version they saw; someone else's change in between is a conflict, never lost. */
function checkVersion(row: Row, version: number | null) {
  if (version !== null && row.version !== version) throw new Conflict("Someone else changed this request");
}

const isStaff = (actor: Actor) => audienceOf(actor) === "staff";
const closed = (row: Row) => row.status === "decided" || row.status === "withdrawn";
const clockOf = (row: Row): ClockState => ({ receivedOn: fromDateColumn(row.receivedOn), extendedMonths: row.extendedMonths, pausedDays: row.pausedDays, pausedOn: row.pausedOn ? fromDateColumn(row.pausedOn) : null });

async function change(tx: Tx, row: Row, data: Prisma.RectificationRequestUpdateInput) {
  await tx.rectificationRequest.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
}

/** A member of staff opening a new request starts its review (once, audited). */
export async function startReview(ref: Ref): Promise<void> {
  if (!isStaff(ref.actor)) return;
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (row.status !== "received") return;
    await change(tx, row, { status: "in_review" });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now: ref.clock.now(), kind: "review_started" });
  });
}

/** Staff ask the requester something: the clock pauses until they answer. */
export async function askQuestion(ref: Ref & { version: number; note: string }) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (!isStaff(ref.actor)) throw new NotFound();
    checkVersion(row, ref.version);
    if (closed(row) || row.status === "waiting") throw new Conflict("Not open for a question");
    const now = ref.clock.now();
    await change(tx, row, { status: "waiting", pausedOn: toDateColumn(receivedOn(now)) });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: "question_asked", note: ref.note });
    await notify(tx, row.requesterId, row, now, "correction-question");
  });
}

/** The requester answers: the clock restarts, with the days it waited added. */
export async function answerQuestion(ref: Ref & { note: string }) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (row.requesterId !== ref.actor.userId) throw new NotFound();
    if (row.status !== "waiting") throw new Conflict("No question is waiting");
    const now = ref.clock.now();
    const restarted = resume(clockOf(row), receivedOn(now));
    await change(tx, row, { status: "in_review", pausedOn: null, pausedDays: restarted.pausedDays, dueOn: toDateColumn(restarted.dueOn) });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: "question_answered", note: ref.note, dueOn: toDateColumn(restarted.dueOn) });
    await notifyAllocatedCaseworkers(tx, { childId: row.childId, kind: "correction-received", link: paths.correction(row.childId, row.id), now });
  });
}

/** Up to two more months, only inside the first month, with a reason the requester reads. */
export async function extendRequest(ref: Ref & { version: number; months: number; reason: string }) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (!isStaff(ref.actor)) throw new NotFound();
    checkVersion(row, ref.version);
    if (closed(row)) throw new Conflict("This request is closed");
    const now = ref.clock.now();
    const problem = extensionProblem(clockOf(row), ref.months, receivedOn(now));
    if (problem) throw new Invalid(`Extension refused: ${problem}`, [{ path: "months", message: `corrections:errors.extension.${problem}` }]);
    const extendedMonths = row.extendedMonths + ref.months;
    const due = dueOn({ ...clockOf(row), extendedMonths });
    await change(tx, row, { extendedMonths, extensionReason: ref.reason, dueOn: toDateColumn(due) });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: "extended", note: ref.reason, dueOn: toDateColumn(due) });
    await notify(tx, row.requesterId, row, now, "correction-extended");
  });
}

/** The requester takes their request back, until it is decided. */
export async function withdrawRequest(ref: Ref) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (row.requesterId !== ref.actor.userId) throw new NotFound();
    if (row.status === "withdrawn") return;
    if (row.status === "decided") throw new Conflict("Already decided");
    const now = ref.clock.now();
    // Taken back, nothing waits for staff any more: an answer waiting for a reply goes with it.
    await change(tx, row, { status: "withdrawn", closedAt: now, pausedOn: null, answerWaitingSince: null, answerDueOn: null });
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now, kind: "withdrawn" });
  });
}

/** Staff note whom they told of a correction (Art. 19), from the list of people the entry was shared with. */
export async function recordRecipientsTold(ref: Ref & { version: number; note: string }) {
  await ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (!isStaff(ref.actor)) throw new NotFound();
    checkVersion(row, ref.version);
    if (row.outcome !== "corrected" && row.outcome !== "partly_corrected") throw new Conflict("Nothing was corrected");
    await change(tx, row, {});
    await recordStep(tx, { id: row.id, childId: row.childId, actor: ref.actor, now: ref.clock.now(), kind: "recipients_told", note: ref.note });
  });
}

export { lockRequest, checkVersion, change, closed, isStaff, clockOf };

/** The requester hears of each step that is theirs to know (what's new, and an email). */
export async function notify(tx: Tx, recipientId: string, row: Pick<Row, "id" | "childId">, now: Date, kind: NewsKind) {
  await tell(tx, { recipientId, childId: row.childId, kind, link: paths.correction(row.childId, row.id), now });
}
