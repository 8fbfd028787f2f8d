import { expect } from "vitest";
import type { Actor } from "../../lib/access/actor.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Db } from "../../lib/db/connect.ts";
import type { FileStore } from "../../lib/files/file-store.ts";
import { importRecords } from "../../lib/imports/apply.ts";
import type { ImportEntry } from "../../lib/imports/types.ts";
import { isNewsKind, NEWS_KINDS } from "../../lib/news/kinds.ts";
import { countUnseenNews, listNews, openNewsItem } from "../../lib/news/queries.ts";
import { SYSTEM } from "./account-fixtures.ts";
import { visibilityExtract, type VisibilityFixture } from "./record-fixtures.ts";

// Shorthands for the "what's new" tests (tests/integration/news*.test.ts): what a reader sees,
// what is stored for them, and more entries for record A imported the real way.

/** What a reader sees: the list (newest first, every page), the unseen count, and opening one. */
export function newsReader(db: () => Db, clock: Clock) {
  return {
    list: async (actor: Actor) => {
      const items = [];
      let before: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listNews>> = await listNews({ db: db(), actor, now: clock.now(), before });
        items.push(...page.items);
        before = page.older;
      } while (before);
      return items;
    },
    count: (actor: Actor) => countUnseenNews({ db: db(), actor, now: clock.now() }),
    open: (actor: Actor, id: string) => openNewsItem({ db: db(), actor, now: clock.now(), id }),
  };
}

export type Told = { who: string; kind: string; link: string };

export const byWho = (a: Told, b: Told) => a.who.localeCompare(b.who) || a.kind.localeCompare(b.kind);

/** The same item for each of these people. */
export const each = (who: string[], kind: string, link: string): Told[] => who.map((w) => ({ who: w, kind, link })).sort(byWho);

/**
 * Runs an event and answers the items it wrote (who got them, by name, sorted), checking that each
 * came with its email (same person, link and the kind's email) and that nobody on the family side
 * got an email without an item: what's new and the email never disagree.
 */
export function newsRecorder(db: () => Db, nameOf: (userId: string) => string) {
  return async function told(event: () => Promise<unknown>): Promise<Told[]> {
    const items = new Set((await db().newsItem.findMany({ select: { id: true } })).map((r) => r.id));
    const mails = new Set((await db().outboxMessage.findMany({ select: { id: true } })).map((r) => r.id));
    await event();
    const made = (await db().newsItem.findMany()).filter((r) => !items.has(r.id));
    const sent = (await db().outboxMessage.findMany({ include: { recipient: { select: { role: true } } } }))
      .filter((m) => !mails.has(m.id) && ["child", "advocate", "parent", "carer"].includes(m.recipient.role));
    const asMail = made.map((r) => [r.recipientId, isNewsKind(r.kind) ? NEWS_KINDS[r.kind] : "?", r.link].join(" ")).sort();
    expect(sent.map((m) => [m.recipientId, m.kind, m.link].join(" ")).sort()).toEqual(asMail);
    return made.map((r) => ({ who: nameOf(r.recipientId), kind: r.kind, link: r.link })).sort(byWho);
  };
}

/** The rows stored for someone, whatever the visibility rule says now. */
export function storedNews(db: Db, actor: Actor) {
  return db.newsItem.findMany({ where: { recipientId: actor.userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export type ExtraEntry = {
  id: string;
  withChild: boolean;
  withFamily: boolean;
  excludeFather?: boolean;
  readWithWorker?: boolean;
  /** Kept from the child, with a reason (only with withChild false). */
  restricted?: boolean;
  at?: string;
};

function importEntry(spec: ExtraEntry, fatherId: string): ImportEntry {
  const at = spec.at ?? "2026-11-20T10:00:00Z";
  const sharing: ImportEntry["sharing"] = { withChild: spec.withChild, withFamily: spec.withFamily };
  if (spec.excludeFather) sharing.excludePeople = [fatherId];
  if (spec.readWithWorker) sharing.readWithWorker = true;
  if (spec.restricted) sharing.restriction = { reason: "third-party", decidedBy: "Team manager", note: `Why ${spec.id} is kept back`, reviewDue: "2027-06-01" };
  return {
    externalId: spec.id,
    type: "note",
    title: `Title of ${spec.id}`,
    occurredAt: at,
    recordedAt: at,
    author: { name: "J. Patel", role: "Social worker" },
    sections: [{ text: `Text of ${spec.id}.`, nature: "fact", source: "first-hand" }],
    status: "current",
    sharing,
  };
}

/**
 * Imports these entries into record A (with its people as the fixture has them; an import leaves
 * the entries it does not name alone); answers the new entries' ids by label.
 */
export async function importIntoA(db: Db, files: FileStore, clock: Clock, fx: VisibilityFixture, extra: ExtraEntry[]): Promise<Map<string, string>> {
  const { externalId } = await db.child.findUniqueOrThrow({ where: { id: fx.A.id }, select: { externalId: true } });
  const tag = externalId.slice("C-".length, -"-A".length);
  const doc = visibilityExtract(tag);
  const a = doc.children.find((c) => c.externalId === externalId)!;
  doc.children = [{ ...a, entries: extra.map((e) => importEntry(e, `P-${tag}-A-dad`)) }];
  const result = await importRecords({ db, files, clock, actor: SYSTEM, raw: JSON.stringify(doc) });
  if (!result.ok) throw new Error(`import rejected: ${JSON.stringify(result.problems)}`);
  const rows = await db.entry.findMany({ where: { childId: fx.A.id, externalId: { in: extra.map((e) => e.id) } }, select: { id: true, externalId: true } });
  return new Map(rows.map((r) => [r.externalId, r.id]));
}
