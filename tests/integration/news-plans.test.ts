import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor.ts";
import { createAccount } from "../../lib/accounts/index.ts";
import { systemClock } from "../../lib/clock.ts";
import type { Prisma } from "../../lib/db/generated/client.ts";
import { countUnseenNews, listNews, openNewsItem, type NewsKind } from "../../lib/news/index.ts";
import { seed, type Seeded } from "../bench/seed.ts";
import { databaseKinds } from "../helpers/db.ts";
import { captureQueries, openLogged, type Captured, type Logged } from "../helpers/logged-db.ts";
import { busiestNode, planOf } from "../helpers/query-plans.ts";

// The home page's "what's new" and the header's count read a bounded number of rows, however many
// items a reader has and however large their records (issue 16). Each reader below has 500 items
// (a tenth of them older than the year kept, many about entries or shares they may no longer see)
// on records of 2,000 entries, beside another reader's 2,000; every statement of the list (first
// and a later page, all records or one), the count and opening an item runs under EXPLAIN
// (ANALYZE, FORMAT JSON), and no step may read more than BOUND rows from a table or index.
// Counting rows, not timing, keeps the test independent of the machine's load. One allowance, as
// for the record pages (record-page-plans.test.ts): the check that no entry excludes the viewer by
// name may read the viewer's own exclusions, which grow with how often this person is named, not
// with their items or records.

const SIZES = { large: 2000, small: 10, bare: 2000 };
const ITEMS = 500;
const BOUND = 100;
const NOW = new Date("2026-12-02T10:00:00Z");
const DAY = 86_400_000;

describe.each(databaseKinds())("what's new query plans (%s)", (kind) => {
  let logged: Logged;
  let seeded: Seeded;
  let captured: Captured[];

  beforeAll(async () => {
    logged = await openLogged(kind);
    seeded = await seed(logged.db, SIZES);
    await createAccount({ db: logged.db, clock: systemClock, actor: { userId: null, role: "system", displayName: "plans" }, username: "bench-mum", role: "parent", password: "bench-mum-password-2026", personExternalId: "P-BENCH-MUM" });
    const records = [seeded.large.childId, seeded.small.childId, seeded.bare.childId];
    const shares = await seedShares(logged.db, records);
    for (const [username, count] of [[seeded.user.username, ITEMS], [seeded.child.username, ITEMS], ["bench-mum", 4 * ITEMS]] as const) {
      const user = await logged.db.user.findUniqueOrThrow({ where: { username }, select: { id: true, role: true } });
      // The child's items are about their own record; the parents' about all three.
      await seedItems(logged.db, user.id, user.role === "child" ? [seeded.bare.childId] : records, shares, count);
    }
    await logged.db.$executeRawUnsafe("ANALYZE");
    captured = captureQueries(logged);
  }, 300_000);

  afterAll(async () => {
    await logged?.close();
  });

  async function actorFor(username: string): Promise<Actor> {
    const user = await logged.db.user.findUniqueOrThrow({ where: { username } });
    return { userId: user.id, role: user.role, displayName: user.displayName };
  }

  // Each SELECT a step sends, with sequential scans discouraged: its busiest scan.
  async function busiest(load: () => Promise<unknown>): Promise<{ rows: number; node: string; sql: string }[]> {
    captured.length = 0;
    await load();
    const statements = captured.filter((q) => /^\s*SELECT/i.test(q.query));
    expect(statements.length).toBeGreaterThan(0);
    const out = [];
    for (const q of statements) {
      const plan = planOf(await logged.explain(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.query}`, q.params, false));
      out.push({ ...busiestNode(plan), sql: q.query.slice(0, 120) });
    }
    return out;
  }

  it.each(["parent", "child"] as const)(`as the %s with ${ITEMS} items, no step of the list, the count or opening reads more than ${BOUND} rows (and their own exclusions)`, async (who) => {
    const actor = await actorFor(who === "parent" ? seeded.user.username : seeded.child.username);
    const db = logged.db;
    expect(await db.newsItem.count({ where: { recipientId: actor.userId } })).toBe(ITEMS);
    const first = await listNews({ db, actor, now: NOW });
    expect(first.items).toHaveLength(10);
    expect(first.older).not.toBeNull();
    const later = await listNews({ db, actor, now: NOW, before: first.older });
    const unseen = first.items.find((i) => !i.seen) ?? later.items[0]!;
    const steps: Record<string, () => Promise<unknown>> = {
      "home list": () => listNews({ db, actor, now: NOW }),
      "home list, an older page": () => listNews({ db, actor, now: NOW, before: later.older ?? first.older }),
      "one record's list": () => listNews({ db, actor, now: NOW, childId: seeded.bare.childId }),
      "unseen count": () => countUnseenNews({ db, actor, now: NOW }),
      "opening an item": () => openNewsItem({ db, actor, now: NOW, id: unseen.id }),
    };
    const bound = BOUND + (await db.entryExclusion.count({ where: { person: { accounts: { some: { id: actor.userId } } } } }));
    const tooMany: string[] = [];
    const figures: string[] = [];
    for (const [step, load] of Object.entries(steps)) {
      const plans = await busiest(load);
      for (const { rows, node, sql } of plans) if (rows > bound) tooMany.push(`${step}: ${rows} rows (${node}) > ${bound} in ${sql}`);
      figures.push(`${step} ${Math.max(...plans.map((p) => p.rows))}`);
    }
    // The measured figure, printed: the most rows any one step of each part read.
    console.log(`what's new, ${kind}, ${who} with ${ITEMS} items, most rows read by one plan step (bound ${bound}): ${figures.join(", ")}`);
    expect(tooMany).toEqual([]);
  });
});

// A few shares of each record, some of entries (which a reader may or may not be able to read).
async function seedShares(db: Logged["db"], records: string[]): Promise<string[]> {
  const recorder = await db.user.findFirstOrThrow({ select: { id: true } });
  const ids: string[] = [];
  for (const childId of records) {
    const entries = await db.entry.findMany({ where: { childId }, select: { id: true }, take: 40, orderBy: { id: "asc" } });
    for (let i = 0; i < 10; i++) {
      const id = randomUUID();
      const withEntries = i % 2 === 0 && entries.length > 0;
      await db.sharingRecord.create({
        data: {
          id, childId, recipient: "school", what: withEntries ? "entries" : "whole_record", purpose: "Plans", lawfulBasis: "child_safety", reason: "Safety",
          reasonWithheld: i % 5 === 1, sharedOn: new Date("2026-06-01"), recordedById: recorder.id, createdAt: NOW,
          entries: withEntries ? { create: entries.slice(i * 3, i * 3 + 3).map((e) => ({ entryId: e.id })) } : undefined,
        },
      });
      ids.push(id);
    }
  }
  return ids;
}

const KINDS: NewsKind[] = ["entry-new", "entry-new", "entry-new", "entry-to-read", "share-recorded", "consent-given", "reply", "correction-decided", "advocate-started", "translation-ready"];

// `count` items for one reader over the last thirteen months, newest on top: entries of their
// records picked at random (so some are ones they may not read), shares, and items about neither.
async function seedItems(db: Logged["db"], recipientId: string, records: string[], shares: string[], count: number) {
  const entries = await db.entry.findMany({ where: { childId: { in: records } }, select: { id: true, childId: true } });
  const shareRows = await db.sharingRecord.findMany({ where: { id: { in: shares } }, select: { id: true, childId: true } });
  const rows: Prisma.NewsItemCreateManyInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const about = kind.startsWith("entry") || kind === "translation-ready" ? entries[(i * 7919) % entries.length]! : null;
    const share = kind === "share-recorded" ? shareRows[i % shareRows.length]! : null;
    const childId = about?.childId ?? share?.childId ?? records[i % records.length]!;
    rows.push({
      recipientId, childId, kind, link: `/records/${childId}`, entryId: about?.id ?? null, shareId: share?.id ?? null,
      // Spread over 400 days, so about a tenth is older than the year kept.
      createdAt: new Date(NOW.getTime() - Math.floor((i * 400 * DAY) / count) - (i % 3) * 1000),
      // Most of the newest are seen, most of the older not: the count must not step over the seen.
      seenAt: i < count * 0.6 && i % 7 !== 0 ? NOW : null,
    });
  }
  await db.newsItem.createMany({ data: rows });
}
