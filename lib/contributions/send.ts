import "server-only";
import { randomUUID } from "node:crypto";
import { childWhereForActor, maySendContribution, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { addWorkingDays, londonDate, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import type { FileStore } from "../files/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { attachFiles, type FilesInput } from "./files.ts";
import { notifyCaseworkers } from "./notify.ts";
import type { ContributionForm } from "./form.ts";
import { MAX_FILES } from "../uploads/index.ts";
import { ANSWER_WORKING_DAYS } from "./rules.ts";

type Tx = Prisma.TransactionClient;

export type SaveInput = {
  db: Db;
  clock: Clock;
  actor: Actor;
  form: ContributionForm;
  locale: string;
  files: FilesInput;
  store: FileStore;
  /** Attachments of the draft being finished that the sender took off. */
  removeAttachmentIds?: string[];
};

export type Saved = { id: string; status: "draft" | "sent" };

/**
 * Saves a contribution as a draft, or sends it. One transaction: the contribution, its files'
 * bytes, its first step, the audit row and the caseworker's notification commit together.
 * A second submit of the same form (same submission key) changes nothing and finds the first.
 */
export async function saveContribution(input: SaveInput): Promise<Saved> {
  const { db, actor, form } = input;
  if (!maySendContribution(actor)) throw new NotFound();
  await assertCanReach(db, actor, form);
  return db.$transaction(async (tx) => {
    const repeat = await tx.contribution.findUnique({ where: { authorId_submissionKey: { authorId: actor.userId, submissionKey: form.submissionKey } }, select: { id: true, status: true } });
    if (repeat) return asSaved(repeat);
    const draft = form.draftId ? await openDraft(tx, actor, form) : null;
    if (draft && draft.status !== "draft") return asSaved(draft); // sent already (a second press)
    const kept = (draft?.attachmentIds ?? []).filter((id) => !input.removeAttachmentIds?.includes(id));
    checkContent(form, kept.length + input.files.length, input.files.length);
    const now = input.clock.now();
    const sending = form.intent === "send";
    const data = {
      kind: form.kind,
      body: form.body,
      locale: input.locale,
      aboutEntryId: form.aboutEntryId ?? null,
      ...sharing(actor, form),
      ...(sending ? { status: "sent" as const, sentAt: now, dueOn: dueOnFor(now) } : {}),
    };
    const id = draft?.id ?? randomUUID();
    if (draft) {
      await tx.contribution.update({ where: { id }, data: { ...data, submissionKey: form.submissionKey } });
      if (draft.attachmentIds.length > kept.length) await tx.contributionAttachment.deleteMany({ where: { contributionId: id, id: { notIn: kept } } });
    } else {
      await tx.contribution.create({ data: { id, childId: form.childId, authorId: actor.userId, submissionKey: form.submissionKey, ...data } });
    }
    await attachFiles(tx, { store: input.store, contributionId: id, uploadedById: actor.userId, files: input.files });
    await recordStep(tx, { id, childId: form.childId, actor, now, kind: sending ? "sent" : "drafted" });
    if (sending) await notifyCaseworkers(tx, { childId: form.childId, contributionId: id, now });
    return { id, status: sending ? "sent" : "draft" };
  });
}

function asSaved(row: { id: string; status: string }): Saved {
  return { id: row.id, status: row.status === "draft" ? "draft" : "sent" };
}

/** The record must be one they may open, and the entry it is about one they may read. */
async function assertCanReach(db: Db, actor: Actor, form: ContributionForm) {
  const child = await db.child.findFirst({ where: { AND: [{ id: form.childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  if (!form.aboutEntryId) return;
  const entry = await db.entry.findFirst({ where: { AND: [{ id: form.aboutEntryId }, readableEntryWhere(actor, form.childId)] }, select: { id: true } });
  if (!entry) throw new NotFound();
}

async function openDraft(tx: Tx, actor: Actor, form: ContributionForm) {
  // Locks the row: two presses of "send" on one draft queue here, and the second sees it sent.
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT "id", "status"::text FROM "Contribution"
    WHERE "id" = ${form.draftId} AND "authorId" = ${actor.userId} AND "childId" = ${form.childId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new NotFound();
  const attachments = await tx.contributionAttachment.findMany({ where: { contributionId: row.id }, select: { id: true } });
  return { ...row, attachmentIds: attachments.map((a) => a.id) };
}

function checkContent(form: ContributionForm, fileCount: number, newFiles: number) {
  if (fileCount > MAX_FILES || newFiles > MAX_FILES) throw new Invalid("Too many files", [{ path: "files", message: "contributions:errors.tooManyFiles" }]);
  if (!form.body && fileCount === 0) throw new Invalid("Nothing to send", [{ path: "body", message: "contributions:errors.empty" }]);
}

// A child's words reach only their worker unless they choose to show their family; an advocate
// writes in the child's voice (the child always sees it); a parent chooses whether the child and
// the other parents and carers see theirs.
function sharing(actor: Actor, form: ContributionForm) {
  switch (actor.role) {
    case "child":
      return { sharedWithChild: true, sharedWithFamily: form.shareWithFamily, helpedById: null };
    case "advocate":
      return { sharedWithChild: true, sharedWithFamily: form.shareWithFamily, helpedById: actor.userId };
    default:
      return { sharedWithChild: form.shareWithChild, sharedWithFamily: form.shareWithFamily, helpedById: null };
  }
}

/** Ten working days in England after the day it was sent. */
export function dueOnFor(sentAt: Date): Date {
  return toDateColumn(addWorkingDays(londonDate(sentAt), ANSWER_WORKING_DAYS));
}

type Step = { id: string; childId: string; actor: Actor; now: Date; kind: "drafted" | "sent" | "opened" | "replied" | "added" | "withdrawn" | "original_recorded" };

/** One step in the contribution's history and the audit log, in the caller's transaction. */
export async function recordStep(tx: Tx, step: Step) {
  await tx.contributionEvent.create({ data: { contributionId: step.id, kind: step.kind, actorId: step.actor.userId, at: step.now } });
  await appendAudit(tx, { actor: step.actor, action: `contribution.${step.kind.replace("_", "-")}`, childId: step.childId, subjectType: "contribution", subjectId: step.id, at: step.now });
}
