import type { Prisma } from "../db/generated/client.ts";
import { activeGrant, childWhereForActor } from "../access/policy.ts";
import { audienceOf, readableEntryWhere, waitingEntryWhere } from "../access/entries.ts";
import type { Actor } from "../access/actor.ts";
import { enqueueNotification } from "../notifications/enqueue.ts";
import { assertNotificationLink } from "../notifications/kinds.ts";
import { paths } from "../paths.ts";
import { NEWS_KINDS, type NewsKind } from "./kinds.ts";

type Tx = Prisma.TransactionClient;

export type NewsInput = {
  recipientId: string;
  childId: string;
  kind: NewsKind;
  /** Where the item and its email lead: a path with opaque ids only. */
  link: string;
  /** The entry it is about, if any: the item then lives only while its reader may read it. */
  entryId?: string;
  now: Date;
};

/**
 * Tells one person something happened: their "what's new" item (children, families and advocates
 * have one; staff have their inbox and tasks instead) and its email, both in the caller's
 * transaction, so a rollback drops both and the two never disagree. Neither holds a word of what
 * happened: the kind chooses the sentence.
 */
export async function tell(tx: Tx, input: NewsInput): Promise<void> {
  assertNotificationLink(input.link);
  const recipient = await tx.user.findUnique({ where: { id: input.recipientId }, select: { role: true } });
  if (!recipient) return;
  const audience = audienceOf({ userId: input.recipientId, role: recipient.role, displayName: "" });
  if (audience === "child" || audience === "family") {
    await tx.newsItem.create({
      data: { recipientId: input.recipientId, childId: input.childId, kind: input.kind, link: input.link, entryId: input.entryId ?? null, createdAt: input.now },
    });
  }
  await enqueueNotification(tx, { recipientId: input.recipientId, kind: NEWS_KINDS[input.kind], link: input.link, now: input.now });
}

/** The child's own account, their parents and carers, and their advocate: everyone with a family-side grant now. */
export async function familySide(tx: Tx, childId: string, now: Date): Promise<Actor[]> {
  const grants = await tx.grant.findMany({
    where: { childId, kind: { in: ["subject", "family", "advocate"] }, ...activeGrant(now), user: { disabledAt: null } },
    select: { user: { select: { id: true, role: true, displayName: true } } },
    orderBy: { grantedAt: "asc" },
  });
  const seen = new Set<string>();
  const people = grants.map((g) => g.user).filter((u) => !seen.has(u.id) && seen.add(u.id)).map((u): Actor => ({ userId: u.id, role: u.role, displayName: u.displayName }));
  // A grant alone is not access (a parent must still be named around the child): the policy says who opens the record.
  const opens = await Promise.all(people.map((p) => tx.child.count({ where: { AND: [{ id: childId }, childWhereForActor(p)] } })));
  return people.filter((_, i) => opens[i] > 0);
}

/**
 * "Something new in your record": told to each person on the family side who may now read the
 * entry, and "something to read with your worker" to a child it waits for. Asked of the access
 * rule itself, reader by reader, so nobody who may not read it hears of it. Never its title.
 */
export async function tellEntryReaders(tx: Tx, input: { childId: string; entryId: string; now: Date; except?: string }): Promise<void> {
  for (const reader of await familySide(tx, input.childId, input.now)) {
    if (reader.userId === input.except) continue;
    const kind = await entryNewsFor(tx, reader, input.childId, input.entryId);
    if (!kind) continue;
    const link = kind === "entry-new" ? paths.entry(input.childId, input.entryId) : paths.record(input.childId);
    await tell(tx, { recipientId: reader.userId, childId: input.childId, kind, link, entryId: input.entryId, now: input.now });
  }
}

async function entryNewsFor(tx: Tx, reader: Actor, childId: string, entryId: string): Promise<"entry-new" | "entry-to-read" | null> {
  if (await tx.entry.count({ where: { AND: [{ id: entryId }, readableEntryWhere(reader, childId)] } })) return "entry-new";
  if (await tx.entry.count({ where: { AND: [{ id: entryId }, waitingEntryWhere(reader, childId)] } })) return "entry-to-read";
  return null;
}

/** The same item for everyone on the family side but the one who did it (a consent choice, a share, an advocate). */
export async function tellFamilySide(tx: Tx, input: Omit<NewsInput, "recipientId" | "entryId"> & { except?: string | null }): Promise<void> {
  for (const person of await familySide(tx, input.childId, input.now)) {
    if (person.userId === input.except) continue;
    await tell(tx, { recipientId: person.userId, childId: input.childId, kind: input.kind, link: input.link, now: input.now });
  }
}
