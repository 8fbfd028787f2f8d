import "server-only";
import { audienceOf, childWhereForActor, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { fromDateColumn, londonDate, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, LawfulBasis, Prisma } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { tellFamilySide } from "../news/index.ts";
import { enqueueNotification } from "../notifications/index.ts";
import { paths } from "../paths.ts";
import { latestDecision, lockTopic } from "./decide.ts";
import { reviewingManagerWhere } from "./share-reviewers.ts";

type Tx = Prisma.TransactionClient;

export type ShareInput = {
  childId: string;
  /** On consent: the topic whose consent it relies on (its recipient is the share's). */
  topicId?: string;
  recipient?: Prisma.SharingRecordCreateInput["recipient"];
  recipientName?: string;
  lawfulBasis: LawfulBasis;
  what: "whole_record" | "entries" | "described";
  entryIds?: string[];
  description?: string;
  purpose: string;
  reason?: string;
  reasonWithheld?: boolean;
  sharedOn: string;
};

const refuse = (message: string, path = "lawfulBasis") => new Invalid("Share refused", [{ path, message }]);

/**
 * A caseworker records a share. On consent, the topic is locked (as a withdrawal locks it) and the
 * consent standing at that moment is named; withdrawn or expired consent refuses the share, so a
 * withdrawal racing a share lands wholly before or wholly after it. Without consent a reason is
 * needed; when the reason itself is withheld from the child, the team's managers are told.
 */
export async function recordShare(input: { db: Db; clock: Clock; actor: Actor; share: ShareInput }): Promise<{ id: string }> {
  const { db, actor, share } = input;
  if (audienceOf(actor) !== "staff") throw new NotFound();
  const child = await db.child.findFirst({ where: { AND: [{ id: share.childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  checkShape(share);
  if (share.sharedOn > londonDate(input.clock.now())) throw refuse("consent:share.errors.future", "sharedOn");
  return db.$transaction(async (tx) => {
    const now = input.clock.now();
    const { consentDecisionId, recipient, recipientName } = share.lawfulBasis === "consent" ? await standingConsent(tx, share, londonDate(now)) : { consentDecisionId: null, recipient: share.recipient!, recipientName: share.recipientName?.trim() ?? "" };
    if (share.what === "entries") await checkEntries(tx, actor, share);
    const withheld = share.lawfulBasis !== "consent" && Boolean(share.reasonWithheld);
    const row = await tx.sharingRecord.create({
      data: {
        childId: share.childId, recipient, recipientName, what: share.what, description: share.description?.trim() ?? "", purpose: share.purpose.trim(),
        lawfulBasis: share.lawfulBasis, consentDecisionId, reason: share.lawfulBasis === "consent" ? null : share.reason!.trim(), reasonWithheld: withheld,
        sharedOn: toDateColumn(share.sharedOn), recordedById: actor.userId, createdAt: now,
        entries: share.what === "entries" ? { create: [...new Set(share.entryIds)].map((entryId) => ({ entryId })) } : undefined,
      },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: "share.recorded", childId: share.childId, subjectType: "share", subjectId: row.id, detail: { basis: share.lawfulBasis, withheld }, at: now });
    if (withheld) await tellManagers(tx, share.childId, now);
    // The family side hears of it now, each only if they may see it in the sharing log; a share
    // whose reason is kept from the child waits for a manager's review to show it (share-review.ts).
    else await tellFamilySide(tx, { childId: share.childId, kind: "share-recorded", link: paths.sharingLog(share.childId), shareId: row.id, now });
    return row;
  });
}

function checkShape(share: ShareInput) {
  if (!share.purpose.trim()) throw refuse("consent:errors.purposeNeeded", "purpose");
  if (!/^\d{4}-\d\d-\d\d$/.test(share.sharedOn)) throw refuse("consent:errors.date", "sharedOn");
  if (share.lawfulBasis === "consent" && !share.topicId) throw refuse("consent:errors.topicNeeded", "topicId");
  if (share.lawfulBasis !== "consent" && !share.reason?.trim()) throw refuse("consent:errors.reasonNeeded", "reason");
  if (share.lawfulBasis !== "consent" && !share.recipient) throw refuse("consent:errors.recipientNeeded", "recipient");
  if (share.what === "entries" && !share.entryIds?.length) throw refuse("consent:errors.entriesNeeded", "entryIds");
  if (share.what === "described" && !share.description?.trim()) throw refuse("consent:errors.descriptionNeeded", "description");
}

async function standingConsent(tx: Tx, share: ShareInput, today: string) {
  await lockTopic(tx, share.childId, share.topicId!);
  const topic = await tx.consentTopic.findUniqueOrThrow({ where: { id: share.topicId! }, select: { recipient: true, recipientName: true } });
  const current = await latestDecision(tx, share.topicId!);
  const expired = current?.expiresOn ? fromDateColumn(current.expiresOn) < today : false;
  if (!current || current.choice !== "given") throw refuse("consent:errors.noConsent");
  if (expired) throw refuse("consent:errors.consentExpired");
  return { consentDecisionId: current.id, recipient: topic.recipient, recipientName: topic.recipientName };
}

async function checkEntries(tx: Tx, actor: Actor, share: ShareInput) {
  const ids = [...new Set(share.entryIds)];
  const found = await tx.entry.count({ where: { AND: [{ id: { in: ids } }, readableEntryWhere(actor, share.childId)] } });
  if (found !== ids.length) throw new NotFound();
}

// The reason is kept from the child: the managers who review it are told (lib/consent/share-review.ts).
async function tellManagers(tx: Tx, childId: string, now: Date) {
  const managers = await tx.user.findMany({ where: reviewingManagerWhere(childId), select: { id: true } });
  for (const m of managers) await enqueueNotification(tx, { recipientId: m.id, kind: "share-review", link: paths.sharingLog(childId), now });
}
