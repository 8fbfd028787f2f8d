import type { Actor } from "../access/actor.ts";
import type { Db } from "../db/connect.ts";
import { NotFound } from "../errors/index.ts";
import { decodeCursor, encodeCursor, type Cursor } from "../records/cursor.ts";
import { isNewsKind, oldestKept, type NewsKind } from "./kinds.ts";
import { visibleNewsWhere } from "./visible.ts";

export const NEWS_PAGE = 10;
/** The header says "9+" beyond this: counting further would read rows for nothing. */
export const UNSEEN_CAP = 9;

export type NewsLine = { id: string; kind: NewsKind; createdAt: Date; seen: boolean; childId: string; childName: string };
export type NewsPage = { items: NewsLine[]; older: string | null };

const olderThan = (c: Cursor) => ({ OR: [{ createdAt: { lt: c.at } }, { createdAt: c.at, id: { lt: c.id } }] });

/** One page of what's new for this reader, newest first; for one record when childId is given. */
export async function listNews(input: { db: Db; actor: Actor; now: Date; childId?: string; before?: string | null; take?: number }): Promise<NewsPage> {
  const take = input.take ?? NEWS_PAGE;
  const cursor = decodeCursor(input.before);
  const rows = await input.db.newsItem.findMany({
    where: { AND: [visibleNewsWhere(input.actor, input.now), input.childId ? { childId: input.childId } : {}, cursor ? olderThan(cursor) : {}] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, kind: true, createdAt: true, seenAt: true, childId: true, child: { select: { preferredName: true, fullName: true } } },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.filter((r) => isNewsKind(r.kind)).map((r) => ({
      id: r.id, kind: r.kind as NewsKind, createdAt: r.createdAt, seen: Boolean(r.seenAt), childId: r.childId, childName: r.child.preferredName ?? r.child.fullName,
    })),
    older: rows.length > take && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** How many items this reader has not opened, up to UNSEEN_CAP + 1 (shown as "9+"). */
export async function countUnseenNews(input: { db: Db; actor: Actor; now: Date }): Promise<number> {
  return input.db.newsItem.count({ where: { AND: [visibleNewsWhere(input.actor, input.now), { seenAt: null }] }, take: UNSEEN_CAP + 1 });
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
