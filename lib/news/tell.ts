import type { Prisma } from "../db/generated/client.ts";
import { activeGrant, childWhereForActor } from "../access/policy.ts";
import { audienceOf, readableEntryWhere, waitingEntryWhere } from "../access/entries.ts";
import type { Actor } from "../access/actor.ts";
import { enqueueNotification } from "../notifications/enqueue.ts";
import { assertNotificationLink } from "../notifications/kinds.ts";
import { paths } from "../paths.ts";
import { NEWS_KINDS, type NewsKind } from "./kinds.ts";
import { hasNews, visibleNewsWhere } from "./visible.ts";

type Tx = Prisma.TransactionClient;

// The grants of the family side: the child's own, parents' and carers', and advocates'.
const FAMILY_SIDE = ["subject", "family", "advocate"] as const;
// An `IN (…)` list of at most this many ids (as lib/imports slices its own).
const IDS_PER_QUERY = 5_000;

export type NewsInput = {
  recipientId: string;
  childId: string;
  kind: NewsKind;
  /** Where the item and its email lead: a path with opaque ids only. */
  link: string;
  /** The entry it is about, if any: the item then lives only while its reader may read it. */
  entryId?: string;
  /** The share it is about, if any: the item then lives only while its reader may see it. */
  shareId?: string;
  now: Date;
};

/** Who on the family side is told: a filter over the people tellFamilySide and tellEntryReaders would tell. */
export type Audience = (person: Actor) => boolean;

/**
 * Tells one person something happened: their "what's new" item (children, families and advocates
 * have one; staff have their inbox and tasks instead) and its email, both in the caller's
 * transaction, so a rollback drops both and the two never disagree. Neither holds a word of what
 * happened: the kind chooses the sentence. The item is kept only if the one visibility rule
 * (visibleNewsWhere) shows it to its reader now; if not, neither it nor its email stays, whatever
 * the caller thought. Answers whether they were told.
 */
export async function tell(tx: Tx, input: NewsInput): Promise<boolean> {
  assertNotificationLink(input.link);
  const recipient = await tx.user.findUnique({ where: { id: input.recipientId }, select: { role: true, displayName: true } });
  if (!recipient) return false;
  const reader: Actor = { userId: input.recipientId, role: recipient.role, displayName: recipient.displayName };
  if (hasNews(reader)) {
    const { id } = await tx.newsItem.create({
      data: {
        recipientId: input.recipientId, childId: input.childId, kind: input.kind, link: input.link,
        entryId: input.entryId ?? null, shareId: input.shareId ?? null, createdAt: input.now,
      },
      select: { id: true },
    });
    if ((await tx.newsItem.count({ where: { AND: [{ id }, visibleNewsWhere(reader, input.now)] } })) === 0) {
      await tx.newsItem.delete({ where: { id } });
      return false;
    }
  }
  await enqueueNotification(tx, { recipientId: input.recipientId, kind: NEWS_KINDS[input.kind], link: input.link, now: input.now });
  return true;
}

/** The child's own account, their parents and carers, and their advocate: everyone with a family-side grant now. */
export async function familySide(tx: Tx, childId: string, now: Date): Promise<Actor[]> {
  const grants = await tx.grant.findMany({
    where: { childId, kind: { in: [...FAMILY_SIDE] }, ...activeGrant(now), user: { disabledAt: null } },
    select: { user: { select: { id: true, role: true, displayName: true } } },
    orderBy: { grantedAt: "asc" },
  });
  const seen = new Set<string>();
  const people = grants.map((g) => g.user).filter((u) => !seen.has(u.id) && seen.add(u.id)).map((u): Actor => ({ userId: u.id, role: u.role, displayName: u.displayName }));
  // A grant alone is not access (a parent must still be named around the child): the policy says who opens the record.
  const opens = await Promise.all(people.map((p) => tx.child.count({ where: { AND: [{ id: childId }, childWhereForActor(p)] } })));
  return people.filter((_, i) => opens[i] > 0);
}

/** Only the child and their advocate: those whose reading a restriction on the child decides. */
export const childAudience: Audience = (person) => audienceOf(person) === "child";

/**
 * "Something new in your record": told to each person on the family side who may now read the
 * entry, and "something to read with your worker" to a child it waits for. Asked of the access
 * rule itself, reader by reader, so nobody who may not read it hears of it. Never its title.
 * `who` narrows it to those who could not read it before (a restriction lifted: the child's side).
 */
export async function tellEntryReaders(tx: Tx, input: { childId: string; entryId: string; now: Date; except?: string | null; who?: Audience }): Promise<void> {
  for (const reader of await familySide(tx, input.childId, input.now)) {
    if (reader.userId === input.except || (input.who && !input.who(reader))) continue;
    const kind = await entryNewsFor(tx, reader, input.childId, input.entryId);
    if (!kind) continue;
    const link = kind === "entry-new" ? paths.entry(input.childId, input.entryId) : paths.record(input.childId);
    await tell(tx, { recipientId: reader.userId, childId: input.childId, kind, link, entryId: input.entryId, now: input.now });
  }
}

/**
 * Entries an import wrote (new, or changed: a change may be what lets someone read it at last),
 * by child id. However large the file, each reader is told at most once per record per import:
 * "something new" leads to the entry when they may read just one of the entries, else to the
 * record; "to read with your worker" (the child only) leads to the record. The item carries one
 * entry it tells of, so it lives only while its reader may still read that one: if it is later
 * kept from them the item goes, even if others are still readable (failing closed rather than
 * hinting at something they can no longer read). Records nobody on the family side can open yet
 * (a first migration) cost one query for all of them.
 */
export async function tellImportedEntries(tx: Tx, input: { written: ReadonlyMap<string, readonly string[]>; now: Date }): Promise<void> {
  const followed = new Set<string>();
  for (const slice of slices([...input.written.keys()])) {
    const rows = await tx.grant.findMany({
      where: { childId: { in: slice }, kind: { in: [...FAMILY_SIDE] }, ...activeGrant(input.now), user: { disabledAt: null } },
      distinct: ["childId"],
      select: { childId: true },
    });
    for (const { childId } of rows) followed.add(childId);
  }
  for (const [childId, entryIds] of input.written) {
    if (followed.has(childId)) await tellEntriesOfRecord(tx, { childId, entryIds, now: input.now });
  }
}

async function tellEntriesOfRecord(tx: Tx, input: { childId: string; entryIds: readonly string[]; now: Date }): Promise<void> {
  const { childId, now } = input;
  for (const reader of await familySide(tx, childId, now)) {
    const readable = await someOf(tx, input.entryIds, readableEntryWhere(reader, childId), 2);
    if (readable.length > 0) {
      const link = readable.length === 1 ? paths.entry(childId, readable[0]!) : paths.record(childId);
      await tell(tx, { recipientId: reader.userId, childId, kind: "entry-new", link, entryId: readable[0], now });
    }
    const [waiting] = await someOf(tx, input.entryIds, waitingEntryWhere(reader, childId), 1);
    if (waiting) await tell(tx, { recipientId: reader.userId, childId, kind: "entry-to-read", link: paths.record(childId), entryId: waiting, now });
  }
}

/** Up to `take` of these entries that match `where`, the most recently recorded first. */
async function someOf(tx: Tx, ids: readonly string[], where: Prisma.EntryWhereInput, take: number): Promise<string[]> {
  const found: string[] = [];
  for (const slice of slices(ids)) {
    if (found.length >= take) break;
    const rows = await tx.entry.findMany({ where: { AND: [{ id: { in: slice } }, where] }, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: take - found.length, select: { id: true } });
    found.push(...rows.map((r) => r.id));
  }
  return found;
}

function slices(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) out.push(ids.slice(i, i + IDS_PER_QUERY));
  return out;
}

async function entryNewsFor(tx: Tx, reader: Actor, childId: string, entryId: string): Promise<"entry-new" | "entry-to-read" | null> {
  if (await tx.entry.count({ where: { AND: [{ id: entryId }, readableEntryWhere(reader, childId)] } })) return "entry-new";
  if (await tx.entry.count({ where: { AND: [{ id: entryId }, waitingEntryWhere(reader, childId)] } })) return "entry-to-read";
  return null;
}

/**
 * The same item for everyone on the family side but the one who did it (a consent choice, a
 * share), or only those `who` picks. An item about a share carries it, so only those who may see
 * that share in the sharing log are told (tell() asks the visibility rule).
 */
export async function tellFamilySide(tx: Tx, input: Omit<NewsInput, "recipientId" | "entryId"> & { except?: string | null; who?: Audience }): Promise<void> {
  for (const person of await familySide(tx, input.childId, input.now)) {
    if (person.userId === input.except || (input.who && !input.who(person))) continue;
    await tell(tx, { recipientId: person.userId, childId: input.childId, kind: input.kind, link: input.link, shareId: input.shareId, now: input.now });
  }
}

/**
 * An advocate starts (chosen, appointed, their account made or enabled again): the child is told,
 * and the advocate. Never the parents or carers, nor any other advocate: the child's choice of an
 * advocate is the child's own (lib/consent/advocates.ts). `by` (who did it) is not told.
 */
export async function tellAdvocateStarted(tx: Tx, input: { childId: string; advocateId: string; now: Date; by: string | null }): Promise<void> {
  const who: Audience = (p) => p.role === "child" || p.userId === input.advocateId;
  await tellFamilySide(tx, { childId: input.childId, kind: "advocate-started", link: paths.advocate(input.childId), now: input.now, except: input.by, who });
}

/** An advocate's access ends: the child is told (not the parents; not the advocate, who can no longer open the record). */
export async function tellAdvocateEnded(tx: Tx, input: { childId: string; now: Date; by: string | null }): Promise<void> {
  const who: Audience = (p) => p.role === "child";
  await tellFamilySide(tx, { childId: input.childId, kind: "advocate-ended", link: paths.advocate(input.childId), now: input.now, except: input.by, who });
}
