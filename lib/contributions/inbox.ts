import "server-only";
import { audienceOf, childWhereForActor, readableContributionWhere, type Actor } from "../access/index.ts";
import { londonDate } from "../calendar/index.ts";
import { Prisma, type Db } from "../db/index.ts";
import type { ContributionKind, ContributionStatus } from "../db/generated/enums.ts";
import { countFiles, summarise, summarySelect, type ContributionSummary } from "./queries.ts";

export type InboxFilter = { childId?: string; kind?: ContributionKind; status?: ContributionStatus };
export type InboxPage = { items: ContributionSummary[]; next: string | null; unread: number };
const PAGE = 20;

/**
 * The staff inbox: every sent contribution for the children this member of staff may open, newest
 * first, filtered, a page at a time. A page costs the same however many contributions there are:
 * each child's newest (after the cursor) come from its own index range, at most a page from each,
 * and only those are merged. "Unread" counts those nobody on staff has opened yet.
 */
export async function findInbox(input: { db: Db; actor: Actor; filter: InboxFilter; after?: string; now: Date }): Promise<InboxPage> {
  const { db, actor, filter } = input;
  if (audienceOf(actor) !== "staff") return { items: [], next: null, unread: 0 };
  const children = await db.child.findMany({ where: { AND: [childWhereForActor(actor), filter.childId ? { id: filter.childId } : {}] }, select: { id: true } });
  const childIds = children.map((c) => c.id);
  if (childIds.length === 0) return { items: [], next: null, unread: 0 };
  const [ids, unread] = await Promise.all([newestIds(db, childIds, filter, parseCursor(input.after)), db.contribution.count({ where: { childId: { in: childIds }, status: "sent" } })]);
  const pageIds = ids.slice(0, PAGE);
  // The rows themselves still go through the access rule: the ids above only choose the page.
  const [rows, files] = await Promise.all([
    db.contribution.findMany({ where: { AND: [readableContributionWhere(actor, null), { id: { in: pageIds } }] }, select: summarySelect }),
    countFiles(db, pageIds),
  ]);
  const today = londonDate(input.now);
  const byId = new Map(rows.map((r) => [r.id, summarise(r, actor, today, files)]));
  const items = pageIds.map((id) => byId.get(id)).filter((c): c is ContributionSummary => Boolean(c));
  const last = ids.length > PAGE ? items[items.length - 1] : undefined;
  return { items, next: last ? `${last.sentAt!.toISOString()}_${last.id}` : null, unread };
}

type Cursor = { sentAt: Date; id: string } | null;

// Per child, its newest sent contributions after the cursor (the (childId, sentAt, id) index in
// order), then the newest of those across children.
async function newestIds(db: Db, childIds: string[], filter: InboxFilter, cursor: Cursor): Promise<string[]> {
  const conditions = [Prisma.sql`c."childId" = k.id`, Prisma.sql`c."sentAt" IS NOT NULL`];
  if (filter.kind) conditions.push(Prisma.sql`c."kind" = ${filter.kind}::"ContributionKind"`);
  if (filter.status) conditions.push(Prisma.sql`c."status" = ${filter.status}::"ContributionStatus"`);
  if (cursor) conditions.push(Prisma.sql`(c."sentAt", c."id") < (${cursor.sentAt}, ${cursor.id})`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM unnest(${childIds}::text[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT c."id", c."sentAt" FROM "Contribution" c
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY c."sentAt" DESC, c."id" DESC
      LIMIT ${PAGE + 1}
    ) p
    ORDER BY p."sentAt" DESC, p."id" DESC
    LIMIT ${PAGE + 1}`;
  return rows.map((r) => r.id);
}

function parseCursor(after: string | undefined): Cursor {
  const match = after?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/);
  if (!match) return null;
  const sentAt = new Date(match[1]!);
  return Number.isNaN(sentAt.getTime()) ? null : { sentAt, id: match[2]! };
}
