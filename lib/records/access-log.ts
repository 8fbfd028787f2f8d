import "server-only";
import { childWhereForActor, mayReadAccessLog, readableEntryWhere, type Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

// "Who has looked at my record". Every view of a child's record or of one entry is written to
// RecordView, which the database keeps append-only. The child and their advocate (and staff) can read it; parents and carers cannot,
// because it would show them each other's visits, which can matter to a family's safety.
// A view of an entry the reader may not see is left out, so the log never hints at it.

export type ViewedPart = "chronology" | "entry" | "withheld" | "things" | "download" | "file" | "access-log";

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

export type AccessLogItem = {
  id: string;
  at: Date;
  role: string | null;
  /** Staff are named; family members are shown by role only. */
  name: string | null;
  isViewer: boolean;
  part: ViewedPart;
  entry: { id: string; title: string } | null;
};

const PAGE = 30;
const STAFF = new Set(["caseworker", "manager", "admin"]);

export async function findAccessLog(input: { db: Db; actor: Actor; childId: string; locale: string; before?: string }) {
  const { db, actor, childId } = input;
  if (!mayReadAccessLog(actor)) throw new NotFound();
  let cursor = input.before && /^\d{1,19}$/.test(input.before) ? BigInt(input.before) : undefined;
  const items: AccessLogItem[] = [];
  let more = true;
  // Views of entries the reader may not see are dropped, so fetch until a page is full.
  for (let round = 0; round < 5 && items.length < PAGE && more; round++) {
    const rows = await db.recordView.findMany({
      // The record must be one this reader may open: a role allowed to read logs is not enough.
      where: { childId, child: { is: childWhereForActor(actor) }, ...(cursor !== undefined ? { id: { lt: cursor } } : {}) },
      orderBy: { id: "desc" },
      take: PAGE,
    });
    more = rows.length === PAGE;
    if (rows.length) cursor = rows[rows.length - 1].id;
    const entryIds = rows.filter((r) => r.entryId).map((r) => r.entryId!);
    const readable = await readableTitles(db, actor, childId, input.locale, entryIds);
    for (const r of rows) {
      if (r.entryId && !readable.has(r.entryId)) continue;
      items.push({
        id: String(r.id),
        at: r.at,
        role: r.actorRole,
        name: STAFF.has(r.actorRole) ? r.actorName : null,
        isViewer: r.actorId === actor.userId,
        part: r.part as ViewedPart,
        entry: r.entryId ? { id: r.entryId, title: readable.get(r.entryId)! } : null,
      });
    }
  }
  return { items, older: more && cursor !== undefined ? String(cursor) : null };
}

async function readableTitles(db: Db, actor: Actor, childId: string, locale: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.entry.findMany({
    where: { AND: [readableEntryWhere(actor, childId), { id: { in: [...new Set(ids)] } }] },
    select: { id: true, title: true, translations: { where: { locale }, select: { title: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.translations[0]?.title ?? r.title]));
}
