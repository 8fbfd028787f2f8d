import "server-only";
import { readableContributionWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import type { FileStore } from "../files/index.ts";
import { notifyAllocatedCaseworkers } from "../notifications/index.ts";
import { paths } from "../paths.ts";
import { MAX_FILES } from "../uploads/index.ts";
import { attachFiles, type FilesInput } from "./files.ts";
import { dueOnFor } from "./send.ts";

export type AnswerInput = {
  db: Db;
  clock: Clock;
  actor: Actor;
  childId: string;
  contributionId: string;
  submissionKey: string;
  body: string;
  files: FilesInput;
  store: FileStore;
};

/**
 * The sender answers after a reply (issue 16). Only its sender, and only while they may read it:
 * anyone else, however much they may read, gets "not found". A withdrawn contribution cannot be
 * answered. One transaction: the answer (append-only), its files, the audit row and the emails to
 * the child's allocated caseworkers. What was decided stays: an answer to an answered or added
 * contribution reopens the conversation (a reply is due in 10 working days), never the status or
 * the entry it became. A second submit of the same form finds the first answer.
 */
export async function answerContribution(input: AnswerInput): Promise<{ id: string }> {
  const { db, actor, childId, contributionId } = input;
  if (!/^[0-9a-f-]{36}$/i.test(contributionId)) throw new NotFound();
  return db.$transaction(async (tx) => {
    const seen = await tx.contribution.findFirst({ where: { AND: [{ id: contributionId, authorId: actor.userId }, readableContributionWhere(actor, childId)] }, select: { id: true } });
    if (!seen) throw new NotFound();
    // Serialises answers and replies on one contribution: each sees the other's.
    await tx.$executeRaw`SELECT 1 FROM "Contribution" WHERE "id" = ${contributionId} FOR UPDATE`;
    const repeat = await tx.contributionAnswer.findUnique({ where: { authorId_submissionKey: { authorId: actor.userId, submissionKey: input.submissionKey } }, select: { id: true } });
    if (repeat) return repeat;
    const c = await tx.contribution.findUniqueOrThrow({ where: { id: contributionId }, select: { status: true, answerWaitingSince: true, answerDueOn: true, _count: { select: { replies: true } } } });
    if (c.status === "withdrawn" || c.status === "draft") throw new Conflict("This contribution was withdrawn");
    if (c._count.replies === 0) throw new Conflict("Nothing to answer yet");
    checkContent(input.body, input.files.length);
    const now = input.clock.now();
    const answer = await tx.contributionAnswer.create({ data: { contributionId, authorId: actor.userId, submissionKey: input.submissionKey, body: input.body, createdAt: now }, select: { id: true } });
    await attachFiles(tx, { store: input.store, contributionId, answerId: answer.id, uploadedById: actor.userId, files: input.files });
    // Staff owe a reply from the first answer they have not replied to.
    await tx.contribution.update({ where: { id: contributionId }, data: { answerWaitingSince: c.answerWaitingSince ?? now, answerDueOn: c.answerDueOn ?? dueOnFor(now) } });
    await appendAudit(tx, { actor, action: "contribution.answer", childId, subjectType: "contribution", subjectId: contributionId, at: now });
    // One email per wait: further answers before staff reply join the same task, not more mail.
    if (!c.answerWaitingSince) await notifyAllocatedCaseworkers(tx, { childId, kind: "answer-received", link: paths.contribution(childId, contributionId), now });
    return answer;
  });
}

function checkContent(body: string, files: number) {
  if (files > MAX_FILES) throw new Invalid("Too many files", [{ path: "files", message: "contributions:errors.tooManyFiles" }]);
  if (!body && files === 0) throw new Invalid("Nothing to send", [{ path: "body", message: "contributions:errors.empty" }]);
}
