import "server-only";
import type { Prisma } from "../db/generated/client.ts";
import { childWhereForActor, isStaff, mayReadAccessLog, readableEntryWhere, type Actor } from "../access/index.ts";
import { fromDateColumn, toDateColumn } from "../calendar/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Role } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { titleFor } from "./entry-content.ts";

// "Who has looked at my record". Every view of a child's record or of one entry is written to
// RecordView, which the database keeps append-only. The child and their advocate (and staff) can read it; parents and carers cannot,
// because it would show them each other's visits, which can matter to a family's safety.
// A view of an entry the reader may not see is left out, so the log never hints at it.
//
// The log is read as groups: one line per day and per who looked ("Jasmine Patel looked 12 times
// on 2 December"), staff by person and family by role only, so a page of the log is a page of
// groups whatever the number of views. The grouping happens in the query (GROUP BY over columns
// the database derives, see the migration "access_log_groups"), and pages are keyset pages over
// (day, who), read from an index. Staff can open a group to see its single views.

export type ViewedPart = "chronology" | "entry" | "withheld" | "things" | "download" | "file" | "access-log" | "contributions" | "corrections" | "consent";

/** One insert, no lock: views are the commonest write in the portal (see RecordView in the schema). */
export async function recordView(input: { db: Db; clock: Clock; actor: Actor; childId: string; part: ViewedPart; entryId?: string }) {
  const { actor } = input;
  await input.db.recordView.create({
    data: {
      at: input.clock.now(),
      childId: input.childId,
      actorId: actor.userId,
      actorRole: actor.role,
      actorName: actor.displayName,
      part: input.part,
      entryId: input.entryId ?? null,
    },
  });
}

/** One single view, shown to staff when they open a group. */
export type AccessLogItem = {
  id: string;
  at: Date;
  part: ViewedPart;
  entry: { id: string; title: string } | null;
};

export type AccessLogGroup = {
  /** The day in England (a date at midnight UTC). */
  day: Date;
  role: string;
  /** Staff are named; family members are shown by role only. */
  name: string | null;
  isViewer: boolean;
  count: number;
  lastAt: Date;
  /** The latest views of the group, for staff only (null for family readers). */
  views: AccessLogItem[] | null;
};

export const GROUPS_PER_PAGE = 30;
/** The views shown when a group is opened; the group's count says how many there are in all. */
export const VIEWS_PER_GROUP = 50;

type GroupCursor = { day: string; key: string };

/**
 * A page of the log. `now` is when the page was asked for: the view of the page being read is
 * written at or after it, so it is never counted in the page that shows it.
 */
export async function findAccessLog(input: { db: Db; actor: Actor; childId: string; locale: string; now: Date; before?: string }) {
  const { db, actor, childId, locale } = input;
  if (!mayReadAccessLog(actor)) throw new NotFound();
  const visible: Prisma.RecordViewWhereInput = { AND: [visibleViewsWhere(actor, childId), { at: { lt: input.now } }] };
  const cursor = decodeGroupCursor(input.before);
  const rows = await db.recordView.groupBy({
    by: ["day", "viewerKey"],
    where: { AND: [visible, ...(cursor ? [olderGroupsThan(cursor)] : [])] },
    orderBy: [{ day: "desc" }, { viewerKey: "asc" }],
    take: GROUPS_PER_PAGE + 1,
    _count: { _all: true },
    _max: { at: true, actorRole: true, actorName: true },
  });
  const page = rows.slice(0, GROUPS_PER_PAGE);
  const ownKey = viewerKeyOf(actor);
  const groups = await Promise.all(
    page.map(async (r): Promise<AccessLogGroup> => {
      const role = r._max.actorRole ?? "";
      return {
        day: r.day!,
        role,
        name: isStaff(role as Role) ? r._max.actorName : null,
        isViewer: r.viewerKey === ownKey,
        count: r._count._all,
        lastAt: r._max.at!,
        views: isStaff(actor.role) ? await findViews(db, visible, r.day!, r.viewerKey!, locale) : null,
      };
    }),
  );
  const last = page[page.length - 1];
  return { groups, older: rows.length > GROUPS_PER_PAGE && last ? encodeGroupCursor({ day: fromDateColumn(last.day!), key: last.viewerKey! }) : null };
}

// The views this reader may know about. The record must be one they may open (a role allowed to
// read logs is not enough), and views of entries they may not read are left out in the query
// itself, so neither a group's count nor a page's length or cursor can hint at them.
function visibleViewsWhere(actor: Actor, childId: string): Prisma.RecordViewWhereInput {
  return {
    AND: [
      { childId, child: { is: childWhereForActor(actor) } },
      { OR: [{ entryId: null }, { entry: readableEntryWhere(actor, childId) }] },
    ],
  };
}

// The same key the database derives for a view (see the migration): a person for staff, a role for family.
function viewerKeyOf(actor: Actor): string {
  return isStaff(actor.role) ? actor.userId : `role:${actor.role}`;
}

async function findViews(db: Db, visible: Prisma.RecordViewWhereInput, day: Date, viewerKey: string, locale: string): Promise<AccessLogItem[]> {
  const rows = await db.recordView.findMany({
    where: { AND: [visible, { day, viewerKey }] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: VIEWS_PER_GROUP,
    select: { id: true, at: true, part: true, entryId: true, entry: { select: { title: true, translations: { where: { locale }, select: { title: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, at: r.at, part: r.part as ViewedPart, entry: r.entryId && r.entry ? { id: r.entryId, title: titleFor(r.entry) } : null }));
}

function olderGroupsThan(c: GroupCursor): Prisma.RecordViewWhereInput {
  const day = toDateColumn(c.day);
  return { OR: [{ day: { lt: day } }, { day, viewerKey: { gt: c.key } }] };
}

// The cursor holds a day and a staff member's random id or a role: nothing about the child.
function encodeGroupCursor(c: GroupCursor): string {
  return Buffer.from(`${c.day}|${c.key}`).toString("base64url");
}

function decodeGroupCursor(raw: string | undefined): GroupCursor | null {
  if (!raw || raw.length > 200) return null;
  const [day, key] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) return null;
  if (!key || !/^([0-9a-f-]{36}|role:[a-z]+)$/i.test(key)) return null;
  return { day, key };
}
