import "server-only";
import { isWaitingFor, listedEntryWhere, readableEntryWhere, type Actor } from "../access/index.ts";
import type { Prisma } from "../db/index.ts";
import type { Db } from "../db/index.ts";
import type { EntryStatus, EntryType } from "../db/generated/enums.ts";
import type { ChronologyQuery } from "./chronology-filter.ts";
import { decodeCursor, encodeCursor, newerThan, olderThan } from "./cursor.ts";
import { ORIGINAL_LOCALE, titleFor } from "./entry-content.ts";
import { lateByDays } from "./late-entry.ts";

export const PAGE_SIZE = 25;

export type ChronologyItem = {
  id: string;
  /** Kind, current/past and lateness: null for a waiting entry, which shows only its date. */
  type: EntryType | null;
  status: EntryStatus | null;
  occurredAt: Date;
  lateByDays: number | null;
  /** Waiting to be read with a worker: no title or content until released. */
  waiting: boolean;
  title: string | null;
  translated: boolean;
  /** Someone has added a statement of disagreement to it. */
  disputed: boolean;
};

export type ChronologyPage = { items: ChronologyItem[]; older: string | null; newer: string | null };

/** One page of the entries this viewer may see, newest first, in their language where translated. */
export async function findChronology(input: {
  db: Db;
  actor: Actor;
  childId: string;
  locale: string;
  query: ChronologyQuery;
}): Promise<ChronologyPage> {
  const { db, actor, childId, locale, query } = input;
  // Waiting entries show only that they exist and when: a filter by kind or period would say
  // more, so filtered lists hold readable entries only.
  const filtered = Boolean(query.type || query.period);
  const filters: Prisma.EntryWhereInput[] = [filtered ? readableEntryWhere(actor, childId) : listedEntryWhere(actor, childId)];
  if (query.type) filters.push({ type: query.type });
  if (query.period) filters.push({ status: query.period });
  const before = decodeCursor(query.before);
  const after = before ? null : decodeCursor(query.after);
  if (before) filters.push(olderThan(before));
  if (after) filters.push(newerThan(after));

  const dir = after ? "asc" : "desc";
  const rows = await db.entry.findMany({
    where: { AND: filters },
    orderBy: [{ occurredAt: dir }, { id: dir }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      type: true,
      status: true,
      title: true,
      occurredAt: true,
      recordedAt: true,
      readWithWorker: true,
      releasedAt: true,
      // One row at most, found by entry (an index), never a count over every statement.
      disagreements: { select: { id: true }, take: 1 },
      // Entries are written in English: English readers need no translations (and no query for them).
      translations: locale === ORIGINAL_LOCALE ? false : { where: { locale }, select: { title: true } },
    },
  });
  const hasMore = rows.length > PAGE_SIZE;
  const page = rows.slice(0, PAGE_SIZE);
  if (after) page.reverse();

  const items = page.map((r): ChronologyItem => {
    // A waiting entry's title, kind and dates of writing are loaded with the page but never leave this function.
    const waiting = isWaitingFor(actor, r);
    return {
      id: r.id,
      type: waiting ? null : r.type,
      status: waiting ? null : r.status,
      occurredAt: r.occurredAt,
      lateByDays: waiting ? null : lateByDays(r.occurredAt, r.recordedAt),
      waiting,
      title: waiting ? null : titleFor(r),
      translated: !waiting && Boolean(r.translations?.length),
      disputed: !waiting && r.disagreements.length > 0,
    };
  });
  const first = page[0];
  const last = page[page.length - 1];
  const moreOlder = after ? Boolean(before) || page.length > 0 : hasMore;
  const moreNewer = after ? hasMore : Boolean(before);
  return {
    items,
    older: moreOlder && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null,
    newer: moreNewer && first ? encodeCursor({ at: first.occurredAt, id: first.id }) : null,
  };
}

/** The newest case summary this viewer may read, so it is easy to find. */
export function findLatestCaseSummary(input: { db: Db; actor: Actor; childId: string }) {
  return input.db.entry.findFirst({
    where: { AND: [readableEntryWhere(input.actor, input.childId), { type: "case_summary", status: "current" }] },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { id: true, occurredAt: true },
  });
}
