import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { audienceOf, readableContributionWhere, type Actor } from "../access/index.ts";
import { fromDateColumn, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import { Conflict, NotFound } from "../errors/index.ts";
import { clipText } from "../plain-text.ts";
import { notifySender } from "./notify.ts";
import { tellEntryReaders } from "../news/index.ts";
import { recordStep } from "./send.ts";

type Tx = Prisma.TransactionClient;
type Ref = { db: Db; clock: Clock; actor: Actor; childId: string; contributionId: string };

// What the child's caseworker and managers do with a contribution: open it, answer it, add it to
// the record, and note where the original of something copied in is.

async function lockForStaff(tx: Tx, { actor, childId, contributionId }: Ref) {
  if (audienceOf(actor) !== "staff") throw new NotFound();
  const row = await tx.contribution.findFirst({ where: { AND: [{ id: contributionId }, readableContributionWhere(actor, childId)] }, select: { id: true } });
  if (!row) throw new NotFound();
  // Serialises staff acting on one contribution at once, so each sees the other's step.
  await tx.$executeRaw`SELECT 1 FROM "Contribution" WHERE "id" = ${contributionId} FOR UPDATE`;
  return tx.contribution.findUniqueOrThrow({
    where: { id: contributionId },
    include: { author: { select: { role: true, displayName: true } }, helpedBy: { select: { displayName: true } }, child: { select: { fullName: true, preferredName: true } },
      // The first message's files: those sent with an answer stay with the answer.
      attachments: { where: { answerId: null } } },
  });
}

/** The first time a member of staff opens it, it is marked opened (the sender sees that). */
export async function markOpened(ref: Ref): Promise<void> {
  if (audienceOf(ref.actor) !== "staff") return;
  await ref.db.$transaction(async (tx) => {
    const now = ref.clock.now();
    const { count } = await tx.contribution.updateMany({
      where: { AND: [{ id: ref.contributionId, status: "sent" }, readableContributionWhere(ref.actor, ref.childId)] },
      data: { status: "opened", openedAt: now },
    });
    if (count === 1) await recordStep(tx, { id: ref.contributionId, childId: ref.childId, actor: ref.actor, now, kind: "opened" });
  });
}

/**
 * A reply from staff: the first one answers the contribution; a later one answers the sender's
 * answer, and the conversation waits on staff no more. The sender hears of it (what's new, email).
 */
export async function replyToContribution(ref: Ref & { body: string }) {
  await ref.db.$transaction(async (tx) => {
    const c = await lockForStaff(tx, ref);
    if (c.status === "withdrawn" || c.status === "draft") throw new Conflict("This contribution was withdrawn");
    const now = ref.clock.now();
    await tx.contributionReply.create({ data: { contributionId: c.id, authorId: ref.actor.userId, body: ref.body, createdAt: now } });
    const answered = c.status === "sent" || c.status === "opened";
    await tx.contribution.update({
      where: { id: c.id },
      data: { answeredAt: c.answeredAt ?? now, ...(answered ? { status: "answered" } : {}), openedAt: c.openedAt ?? now, answerWaitingSince: null, answerDueOn: null },
    });
    await recordStep(tx, { id: c.id, childId: ref.childId, actor: ref.actor, now, kind: "replied" });
    await notifySender(tx, { senderId: c.authorId, childId: ref.childId, contributionId: c.id, now });
  });
}

/**
 * Adds it to the record as an entry in the sender's own words, shared with the child (and with the
 * family if the caseworker chooses), with its files as the entry's attachments. Once only.
 */
export async function addToRecord(ref: Ref & { withFamily: boolean }): Promise<string> {
  return ref.db.$transaction(async (tx) => {
    const c = await lockForStaff(tx, ref);
    if (c.status === "added") throw new Conflict("Already added to the record");
    if (c.status === "withdrawn" || c.status === "draft") throw new Conflict("This contribution was withdrawn");
    const now = ref.clock.now();
    const speaker = speakerOf(c);
    const authorRole = recordRoleOf(ref.actor.role);
    const entryId = randomUUID();
    const content = {
      id: `contribution-${c.id}`,
      type: "note",
      title: c.body ? firstLine(c.body) : speaker,
      occurredAt: (c.sentAt ?? now).toISOString(),
      recordedAt: now.toISOString(),
      author: { name: ref.actor.displayName, role: authorRole },
      // The record is in English; whoever helped is named wherever the words appear.
      originator: { name: speaker, role: c.helpedBy ? `child, written with help from ${c.helpedBy.displayName}` : c.author.role },
      sections: c.body ? [{ text: c.body, nature: "own-words", source: "first-hand", sourceName: speaker }] : [],
      sharing: { withChild: c.sharedWithChild || c.author.role === "child", withFamily: ref.withFamily },
      attachments: c.attachments.map((a) => ({ fileName: a.fileName, mediaType: a.mediaType, fileId: a.fileId })),
    };
    const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex");
    await tx.entry.create({
      data: {
        id: entryId, childId: ref.childId, externalId: content.id, contentHash, type: "note", title: content.title,
        occurredAt: c.sentAt ?? now, recordedAt: now, authorName: ref.actor.displayName, authorRole,
        originatorName: speaker, originatorRole: content.originator.role, status: "current",
        withChild: content.sharing.withChild, withFamily: ref.withFamily,
        belongsToChild: c.kind === "proud", originalLocation: originalLocationText(c),
        sections: { create: content.sections.map((s, position) => ({ position, text: s.text, nature: "own_words", source: "first_hand", sourceName: speaker })) },
        versions: { create: { version: 1, contentHash, content, createdAt: now } },
        attachments: { create: c.attachments.map((a) => ({ externalId: a.id, fileId: a.fileId, fileName: a.fileName, mediaType: a.mediaType })) },
      },
    });
    await tx.contribution.update({ where: { id: c.id }, data: { status: "added", addedAt: now, recordEntryId: entryId, openedAt: c.openedAt ?? now } });
    await recordStep(tx, { id: c.id, childId: ref.childId, actor: ref.actor, now, kind: "added" });
    // Everyone on the family side who may read the new entry hears of it, as for any new entry.
    await tellEntryReaders(tx, { childId: ref.childId, entryId, now });
    return entryId;
  });
}

export type OriginalInput = { whereabouts: "with_child" | "returned" | "held_by_council"; place: string; returnedOn?: string };

/** Where the original of something copied in is: with the child, returned on a date, or held by the council at a place. */
export async function recordOriginal(ref: Ref & OriginalInput) {
  await ref.db.$transaction(async (tx) => {
    const c = await lockForStaff(tx, ref);
    if (c.status === "withdrawn" || c.status === "draft") throw new Conflict("This contribution was withdrawn");
    const now = ref.clock.now();
    const data = {
      originalWhereabouts: ref.whereabouts,
      originalPlace: ref.whereabouts === "held_by_council" ? ref.place || null : null,
      originalReturnedOn: ref.whereabouts === "returned" && ref.returnedOn ? toDateColumn(ref.returnedOn) : null,
    };
    await tx.contribution.update({ where: { id: c.id }, data });
    if (c.recordEntryId) await tx.entry.update({ where: { id: c.recordEntryId }, data: { originalLocation: originalLocationText({ ...c, ...data }) } });
    await recordStep(tx, { id: c.id, childId: ref.childId, actor: ref.actor, now, kind: "original_recorded" });
  });
}

type Speaking = { helpedById: string | null; author: { role: string; displayName: string }; child: { fullName: string; preferredName: string | null } };

/** Whose words these are: the child's (also when an advocate helped), or the parent's or carer's. */
function speakerOf(c: Speaking): string {
  if (c.helpedById || c.author.role === "child") return c.child.preferredName ?? c.child.fullName;
  return c.author.displayName;
}

// The entry's title: the first line whole, or cut at a word and marked "…" when it runs long.
const TITLE_LENGTH = 120;
const firstLine = (body: string) => clipText(body.split("\n")[0]!, TITLE_LENGTH);

// The author's job as the council's records name it ("Social worker"), so an entry added here
// reads like every imported one rather than showing the portal's internal role ("caseworker").
const RECORD_ROLES: Record<string, string> = { caseworker: "Social worker", manager: "Team manager" };
const recordRoleOf = (role: string) => RECORD_ROLES[role] ?? role;

// The entry's "where the original is" line, in the record's language (English), as imports write it.
function originalLocationText(c: { originalWhereabouts: string | null; originalPlace: string | null; originalReturnedOn: Date | null }): string | null {
  if (c.originalWhereabouts === "with_child") return "With the child";
  if (c.originalWhereabouts === "returned") return c.originalReturnedOn ? `Returned on ${fromDateColumn(c.originalReturnedOn)}` : "Returned";
  if (c.originalWhereabouts === "held_by_council") return c.originalPlace ? `Held by the council: ${c.originalPlace}` : "Held by the council";
  return null;
}
