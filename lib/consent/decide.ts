import "server-only";
import { audienceOf, childWhereForActor, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { tellFamilySide } from "../news/index.ts";
import { paths } from "../paths.ts";
import { mayDecide, whoDecides } from "./who-decides.ts";

type Tx = Prisma.TransactionClient;
export type ConsentChange = { childId: string; topicId: string; choice: "given" | "withdrawn"; expiresOn?: string | null; note?: string | null };

/**
 * Gives or withdraws consent for one topic. The topic's row is locked first, so changes to one
 * topic happen one after another: ten people pressing "withdraw" at once make one change (the
 * others find it already withdrawn), and a share recorded at the same moment sees consent either
 * before or after (lib/consent shares take the same lock). Every change is a new row; nothing is
 * overwritten. Only the person who decides (whoDecides) may change it.
 */
export async function decideConsent(input: { db: Db; clock: Clock; actor: Actor; change: ConsentChange }): Promise<{ id: string; changed: boolean }> {
  const { db, actor, change } = input;
  const child = await db.child.findFirst({ where: { AND: [{ id: change.childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  return db.$transaction(async (tx) => {
    await lockTopic(tx, change.childId, change.topicId);
    const deciders = await whoDecides(tx, change.childId);
    if (!mayDecide(actor, deciders)) throw new Invalid("Not the person who decides", [{ path: "choice", message: "consent:errors.notDecider" }]);
    const now = input.clock.now();
    const expiresOn = change.choice === "given" && change.expiresOn ? toDateColumn(change.expiresOn) : null;
    const current = await latestDecision(tx, change.topicId);
    if (current && current.choice === change.choice && sameDay(current.expiresOn, expiresOn)) return { id: current.id, changed: false };
    const made = await tx.consentDecision.create({
      data: {
        topicId: change.topicId, childId: change.childId, choice: change.choice, basis: deciders.decider === "child" ? "own_decision" : "parental_responsibility",
        decidedById: actor.userId, note: change.note || null, expiresOn, replacesId: current?.id ?? null, decidedAt: now,
      },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: `consent.${change.choice}`, childId: change.childId, subjectType: "consent-topic", subjectId: change.topicId, at: now });
    // Everyone on the family side may see the consent page (lib/consent/queries.ts): all but the
    // one who chose hear that a choice changed (which one, and to whom, only on the page).
    await tellFamilySide(tx, { childId: change.childId, kind: change.choice === "given" ? "consent-given" : "consent-withdrawn", link: paths.consent(change.childId), now, except: actor.userId });
    return { id: made.id, changed: true };
  });
}

/** Locks the topic for the rest of the transaction; not found unless it belongs to this child. */
export async function lockTopic(tx: Tx, childId: string, topicId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(topicId)) throw new NotFound();
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ConsentTopic" WHERE "id" = ${topicId} AND "childId" = ${childId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFound();
}

export function latestDecision(tx: Tx | Db, topicId: string) {
  return tx.consentDecision.findFirst({ where: { topicId, replacedBy: null }, select: { id: true, choice: true, expiresOn: true, decidedAt: true } });
}

const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** A caseworker records whether the child can decide for themselves (Gillick competence). */
export async function recordCompetence(input: { db: Db; clock: Clock; actor: Actor; childId: string; canDecide: boolean; note: string; assessedOn: string }) {
  const { db, actor } = input;
  if (audienceOf(actor) !== "staff") throw new NotFound();
  const child = await db.child.findFirst({ where: { AND: [{ id: input.childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  if (!input.note.trim()) throw new Invalid("A note is needed", [{ path: "note", message: "consent:errors.noteNeeded" }]);
  await db.$transaction(async (tx) => {
    const now = input.clock.now();
    const row = await tx.competenceAssessment.create({
      data: { childId: input.childId, canDecide: input.canDecide, note: input.note.trim(), assessedOn: toDateColumn(input.assessedOn), assessedById: actor.userId, createdAt: now },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: "consent.competence-recorded", childId: input.childId, subjectType: "competence-assessment", subjectId: row.id, detail: { canDecide: input.canDecide }, at: now });
  });
}

/** A caseworker adds what consent is asked for: a recipient (named, for an organisation) and a purpose. */
export async function addTopic(input: { db: Db; actor: Actor; childId: string; recipient: Prisma.ConsentTopicCreateInput["recipient"]; recipientName?: string; purpose: string }): Promise<{ id: string }> {
  const { db, actor } = input;
  if (audienceOf(actor) !== "staff") throw new NotFound();
  const child = await db.child.findFirst({ where: { AND: [{ id: input.childId }, childWhereForActor(actor)] }, select: { id: true } });
  if (!child) throw new NotFound();
  const recipientName = input.recipient === "named_org" ? (input.recipientName ?? "").trim() : "";
  if (input.recipient === "named_org" && !recipientName) throw new Invalid("A name is needed", [{ path: "recipientName", message: "consent:errors.nameNeeded" }]);
  const key = { childId: input.childId, recipient: input.recipient, recipientName, purpose: input.purpose.trim() };
  return db.consentTopic.upsert({ where: { childId_recipient_recipientName_purpose: key }, create: { ...key, createdById: actor.userId }, update: {}, select: { id: true } });
}
