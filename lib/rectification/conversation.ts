import "server-only";
import { appendAudit } from "../audit/index.ts";
import { dueOnFor } from "../contributions/index.ts";
import type { Prisma } from "../db/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { storeFile, type FileStore } from "../files/index.ts";
import { notifyAllocatedCaseworkers } from "../notifications/index.ts";
import { paths } from "../paths.ts";
import { MAX_FILES, type SafeFile } from "../uploads/index.ts";
import { isStaff, lockRequest, notify, type Ref } from "./steps.ts";

type Tx = Prisma.TransactionClient;
type Message = Ref & { submissionKey: string; body: string };

// A correction request as a conversation (issue 16): staff reply, the requester answers (with
// files, as when they asked). Messages are append-only. Neither changes the request's status,
// outcome, decision reason or statutory clock: an answer after the decision reopens the
// conversation only (a reply due in 10 working days), never the decision.

/** A reply from the child's staff, told to the requester (what's new, email). Not on a withdrawn request. */
export async function replyOnRequest(ref: Message): Promise<{ id: string }> {
  return ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (!isStaff(ref.actor)) throw new NotFound();
    const repeat = await findRepeat(tx, ref);
    if (repeat) return repeat;
    if (row.status === "withdrawn") throw new Conflict("This request was withdrawn");
    if (!ref.body) throw new Invalid("Nothing to send", [{ path: "body", message: "corrections:errors.empty" }]);
    const now = ref.clock.now();
    const message = await tx.rectificationMessage.create({ data: { requestId: row.id, authorId: ref.actor.userId, fromStaff: true, submissionKey: ref.submissionKey, body: ref.body, createdAt: now }, select: { id: true } });
    // Not a change of the request's state that a decision could conflict with: the version stays.
    await tx.rectificationRequest.update({ where: { id: row.id }, data: { answerWaitingSince: null, answerDueOn: null } });
    await appendAudit(tx, { actor: ref.actor, action: "correction.reply", childId: row.childId, subjectType: "correction-request", subjectId: row.id, at: now });
    await notify(tx, row.requesterId, row, now, "correction-reply");
    return message;
  });
}

/**
 * The requester answers, once staff have written to them (a reply, a question, or the decision).
 * Only the requester: anyone else gets "not found". Not on a withdrawn request, nor while a
 * question waits (its own answer restarts the clock). The child's allocated caseworkers get an
 * email; staff have a reply due in 10 working days.
 */
export async function answerOnRequest(ref: Message & { files: readonly SafeFile[]; store: FileStore }): Promise<{ id: string }> {
  return ref.db.$transaction(async (tx) => {
    const row = await lockRequest(tx, ref);
    if (row.requesterId !== ref.actor.userId) throw new NotFound();
    const repeat = await findRepeat(tx, ref);
    if (repeat) return repeat;
    if (row.status === "withdrawn") throw new Conflict("This request was withdrawn");
    if (row.status === "waiting") throw new Conflict("A question is waiting for its answer");
    if (!(await staffHaveWritten(tx, row))) throw new Conflict("Nothing to answer yet");
    if (ref.files.length > MAX_FILES) throw new Invalid("Too many files", [{ path: "files", message: "contributions:errors.tooManyFiles" }]);
    if (!ref.body && ref.files.length === 0) throw new Invalid("Nothing to send", [{ path: "body", message: "contributions:errors.empty" }]);
    const now = ref.clock.now();
    const message = await tx.rectificationMessage.create({ data: { requestId: row.id, authorId: ref.actor.userId, fromStaff: false, submissionKey: ref.submissionKey, body: ref.body, createdAt: now }, select: { id: true } });
    for (const file of ref.files) {
      const stored = await storeFile(tx, ref.store, { ...file, uploadedById: ref.actor.userId });
      await tx.rectificationAttachment.create({ data: { requestId: row.id, messageId: message.id, fileId: stored.id, fileName: file.fileName, mediaType: file.mediaType, reencoded: file.reencoded } });
    }
    // Staff owe a reply from the first answer they have not replied to.
    await tx.rectificationRequest.update({ where: { id: row.id }, data: { answerWaitingSince: row.answerWaitingSince ?? now, answerDueOn: row.answerDueOn ?? dueOnFor(now) } });
    await appendAudit(tx, { actor: ref.actor, action: "correction.answer", childId: row.childId, subjectType: "correction-request", subjectId: row.id, at: now });
    // One email per wait: further answers before staff reply join the same task, not more mail.
    if (!row.answerWaitingSince) await notifyAllocatedCaseworkers(tx, { childId: row.childId, kind: "answer-received", link: paths.correction(row.childId, row.id), now });
    return message;
  });
}

function findRepeat(tx: Tx, ref: Message) {
  return tx.rectificationMessage.findUnique({ where: { authorId_submissionKey: { authorId: ref.actor.userId, submissionKey: ref.submissionKey } }, select: { id: true } });
}

// Staff wrote to the requester: the decision, a question, or a reply.
async function staffHaveWritten(tx: Tx, row: { id: string; status: string }): Promise<boolean> {
  if (row.status === "decided") return true;
  // One after the other: a transaction is one connection (PGlite has only one).
  if (await tx.rectificationMessage.count({ where: { requestId: row.id, fromStaff: true } })) return true;
  return (await tx.rectificationEvent.count({ where: { requestId: row.id, kind: "question_asked" } })) > 0;
}
