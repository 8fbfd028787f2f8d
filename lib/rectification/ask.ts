import "server-only";
import { randomUUID } from "node:crypto";
import { childWhereForActor, maySendContribution, readableEntryWhere, type Actor } from "../access/index.ts";
import { toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { storeFile, type FileStore } from "../files/index.ts";
import { notifyAllocatedCaseworkers } from "../notifications/index.ts";
import { paths } from "../paths.ts";
import type { SafeFile } from "../uploads/index.ts";
import { dueOn, receivedOn } from "./clock.ts";
import type { RequestForm, RequestItem } from "./form.ts";
import { recordStep } from "./steps.ts";

type Tx = Prisma.TransactionClient;

export type AskInput = { db: Db; clock: Clock; actor: Actor; form: RequestForm; locale: string; files: readonly SafeFile[]; store: FileStore };

/**
 * "Something wrong? Ask for a correction." The entries (and parts) must be ones the requester may
 * read, else "not found" before anything is written: an excluded parent leaves no trace. One
 * transaction: the request, its items, evidence, first step, audit row and the caseworker's
 * notification. A second submit of the same form finds the first request.
 */
export async function askForCorrection(input: AskInput): Promise<{ id: string }> {
  const { db, actor, form } = input;
  // Those who may send a contribution may ask for a correction: the child, family, advocate.
  if (!maySendContribution(actor)) throw new NotFound();
  await assertReadable(db, actor, form.childId, form.items);
  return db.$transaction(async (tx) => {
    const repeat = await tx.rectificationRequest.findUnique({ where: { requesterId_submissionKey: { requesterId: actor.userId, submissionKey: form.submissionKey } }, select: { id: true } });
    if (repeat) return repeat;
    const now = input.clock.now();
    const received = receivedOn(now);
    const id = randomUUID();
    await tx.rectificationRequest.create({
      data: {
        id, childId: form.childId, requesterId: actor.userId, helpedById: actor.role === "advocate" ? actor.userId : null,
        submissionKey: form.submissionKey, whatIsWrong: form.whatIsWrong, whatItShouldSay: form.whatItShouldSay, locale: input.locale,
        receivedAt: now, receivedOn: toDateColumn(received), dueOn: toDateColumn(dueOn({ receivedOn: received, extendedMonths: 0, pausedDays: 0 })),
        items: { create: uniqueItems(form.items) },
      },
    });
    await attachEvidence(tx, input, id);
    await recordStep(tx, { id, childId: form.childId, actor, now, kind: "received" });
    await notifyAllocatedCaseworkers(tx, { childId: form.childId, kind: "correction-received", link: paths.correction(form.childId, id), now });
    return { id };
  });
}

async function assertReadable(db: Db, actor: Actor, childId: string, items: RequestItem[]) {
  const child = await db.child.findFirst({ where: { AND: [{ id: childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  const ids = [...new Set(items.map((i) => i.entryId))];
  const entries = await db.entry.findMany({
    where: { AND: [{ id: { in: ids } }, readableEntryWhere(actor, childId)] },
    select: { id: true, _count: { select: { sections: true } } },
  });
  const parts = new Map(entries.map((e) => [e.id, e._count.sections]));
  for (const i of items) {
    const count = parts.get(i.entryId);
    if (count === undefined || (i.sectionPosition !== null && i.sectionPosition >= count)) throw new NotFound();
  }
}

function uniqueItems(items: RequestItem[]): RequestItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.entryId}:${i.sectionPosition ?? ""}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

async function attachEvidence(tx: Tx, input: AskInput, requestId: string) {
  for (const file of input.files) {
    const stored = await storeFile(tx, input.store, { ...file, uploadedById: input.actor.userId });
    await tx.rectificationAttachment.create({ data: { requestId, fileId: stored.id, fileName: file.fileName, mediaType: file.mediaType, reencoded: file.reencoded } });
  }
}
