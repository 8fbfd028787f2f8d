import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/connect.ts";
import type { Prisma } from "../db/generated/client.ts";
import { NotFound } from "../errors/index.ts";
import { decodeCursor, encodeCursor, type Cursor } from "../records/cursor.ts";
import { isNewsKind, oldestKept, type NewsKind } from "./kinds.ts";
import { hasNews, ownNewsWhere, stillVisibleNewsWhere, visibleNewsWhere } from "./visible.ts";

export const NEWS_PAGE = 10;
/** The header says "9+" beyond this: counting further would read rows for nothing. */
export const UNSEEN_CAP = 9;

export type NewsLine = { id: string; kind: NewsKind; createdAt: Date; seen: boolean; childId: string; childName: string };
export type NewsPage = { items: NewsLine[]; older: string | null };

// "Older than the cursor", with its time as a bound the index can start from (the tie on the same
// instant, broken by id, is then the only row left to filter), rather than an OR that is filtered
// row by row from the reader's newest item on.
const olderThan = (c: Cursor): Prisma.NewsItemWhereInput => ({ createdAt: { lte: c.at }, OR: [{ createdAt: { lt: c.at } }, { id: { lt: c.id } }] });
const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.NewsItemOrderByWithRelationInput[];
// The same order for the unseen only (every seenAt is null), led by seenAt so that the index on
// (recipientId, seenAt, createdAt, id) serves it and the seen are never stepped over.
const UNSEEN_NEWEST_FIRST = [{ seenAt: "asc" }, ...NEWEST_FIRST] satisfies Prisma.NewsItemOrderByWithRelationInput[];

// Items are read a window at a time by the reader's own index, newest first, and only then checked
// against the visibility rule, so the rule's joins touch a window's rows, never every item a reader
// has (one query with the rule inside let the planner fetch all of them and sort: EXPLAIN in
// tests/integration/news-plans.test.ts). A request reads at most WINDOWS windows: a reader whose
// newest items are nearly all out of sight gets a shorter page, and "older" goes on from there;
// the count looks no further either, so unseen items behind 120 newer ones out of sight (a record
// whose access ended, say) go uncounted, while anything newer is counted as it comes.
const WINDOW = 40;
const WINDOWS = 3;

type Scan = { db: Db; actor: Actor; now: Date; own: Prisma.NewsItemWhereInput; from: Cursor | null; order?: Prisma.NewsItemOrderByWithRelationInput[] };

/** The reader's own items (by index alone), a window at a time, from a cursor on. */
async function* windows({ db, actor, now, own, from, order = NEWEST_FIRST }: Scan): AsyncGenerator<{ ids: string[]; last: Cursor; full: boolean }> {
  if (!hasNews(actor)) return;
  const mine: Prisma.NewsItemWhereInput = { AND: [ownNewsWhere(actor, now), own] };
  let cursor = from;
  for (let w = 0; w < WINDOWS; w++) {
    const rows = await db.newsItem.findMany({ where: { AND: [mine, cursor ? olderThan(cursor) : {}] }, orderBy: order, take: WINDOW, select: { id: true, createdAt: true } });
    const last = rows.at(-1);
    if (!last) return;
    cursor = { at: last.createdAt, id: last.id };
    yield { ids: rows.map((r) => r.id), last: cursor, full: rows.length === WINDOW };
    if (rows.length < WINDOW) return;
  }
}

const LINE = { id: true, kind: true, createdAt: true, seenAt: true, childId: true, child: { select: { preferredName: true, fullName: true } } } as const;

/** One page of what's new for this reader, newest first; for one record when childId is given. */
export async function listNews(input: { db: Db; actor: Actor; now: Date; childId?: string; before?: string | null; take?: number }): Promise<NewsPage> {
  const take = input.take ?? NEWS_PAGE;
  // The window came from the reader's own items (ownNewsWhere): the rest of the rule is asked of its ids.
  const visible = stillVisibleNewsWhere(input.actor);
  const found: Prisma.NewsItemGetPayload<{ select: typeof LINE }>[] = [];
  let scanned: { last: Cursor; full: boolean } | null = null;
  const own = input.childId ? { childId: input.childId } : {};
  for await (const window of windows({ ...input, own, from: decodeCursor(input.before) })) {
    found.push(...(await input.db.newsItem.findMany({ where: { AND: [visible, { id: { in: window.ids } }] }, orderBy: NEWEST_FIRST, select: LINE })));
    scanned = window;
    if (found.length > take) break;
  }
  const page = found.slice(0, take);
  const last = page.at(-1);
  // More visible than the page holds: go on after its last line. Fewer, but the scan stopped at
  // its limit with items left: go on after what was scanned.
  const older = found.length > take && last ? { at: last.createdAt, id: last.id } : scanned?.full ? scanned.last : null;
  return {
    items: page.filter((r) => isNewsKind(r.kind)).map((r) => ({
      id: r.id, kind: r.kind as NewsKind, createdAt: r.createdAt, seen: Boolean(r.seenAt), childId: r.childId, childName: r.child.preferredName ?? r.child.fullName,
    })),
    older: older ? encodeCursor(older) : null,
  };
}

/** How many items this reader has not opened, up to UNSEEN_CAP + 1 (shown as "9+"). */
export async function countUnseenNews(input: { db: Db; actor: Actor; now: Date }): Promise<number> {
  const visible = stillVisibleNewsWhere(input.actor);
  let count = 0;
  for await (const window of windows({ ...input, own: { seenAt: null }, from: null, order: UNSEEN_NEWEST_FIRST })) {
    count += await input.db.newsItem.count({ where: { AND: [visible, { id: { in: window.ids } }] } });
    if (count > UNSEEN_CAP) break;
  }
  return Math.min(count, UNSEEN_CAP + 1);
}

/** Opens an item: marks it seen and answers where it leads. Someone else's, or one gone from sight, is not found. */
export async function openNewsItem(input: { db: Db; actor: Actor; now: Date; id: string }): Promise<string> {
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) throw new NotFound();
  const where = { AND: [visibleNewsWhere(input.actor, input.now), { id: input.id }] };
  const item = await input.db.newsItem.findFirst({ where, select: { link: true, seenAt: true } });
  if (!item) throw new NotFound();
  if (!item.seenAt) await input.db.newsItem.updateMany({ where: { AND: [where, { seenAt: null }] }, data: { seenAt: input.now } });
  return item.link;
}

/** "Mark all as seen". */
export async function markAllNewsSeen(input: { db: Db; actor: Actor; now: Date }): Promise<number> {
  const { count } = await input.db.newsItem.updateMany({ where: { AND: [visibleNewsWhere(input.actor, input.now), { seenAt: null }] }, data: { seenAt: input.now } });
  return count;
}

/** Items older than the year kept go (run hourly by the portal's start process). */
export async function pruneNews(input: { db: Db; now: Date }): Promise<number> {
  const { count } = await input.db.newsItem.deleteMany({ where: { createdAt: { lt: oldestKept(input.now) } } });
  return count;
}
