import "server-only";
import { childWhereForActor, mayReadAccessLog, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

// "Who has looked at my record". Every view of a child's record or of one entry is written to
// the audit log. The child and their advocate (and staff) can read it; parents and carers cannot,
// because it would show them each other's visits, which can matter to a family's safety.
// A view of an entry the reader may not see is left out, so the log never hints at it.

export const RECORD_VIEWED = "record.viewed";
export type ViewedPart = "chronology" | "entry" | "withheld" | "things" | "download" | "file" | "access-log";

export async function recordView(input: { db: Db; clock: Clock; actor: Actor; childId: string; part: ViewedPart; entryId?: string }) {
  await input.db.$transaction((tx) =>
    appendAudit(tx, {
      actor: input.actor,
      action: RECORD_VIEWED,
      childId: input.childId,
      subjectType: input.entryId ? "entry" : input.part,
      subjectId: input.entryId,
      detail: { part: input.part },
      at: input.clock.now(),
    }),
  );
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
    const rows = await db.auditEvent.findMany({
      // The record must be one this reader may open: a role allowed to read logs is not enough.
      where: { childId, child: { is: childWhereForActor(actor) }, action: RECORD_VIEWED, ...(cursor !== undefined ? { id: { lt: cursor } } : {}) },
      orderBy: { id: "desc" },
      take: PAGE,
    });
    more = rows.length === PAGE;
    if (rows.length) cursor = rows[rows.length - 1].id;
    const entryIds = rows.filter((r) => r.subjectType === "entry" && r.subjectId).map((r) => r.subjectId!);
    const readable = await readableTitles(db, actor, childId, input.locale, entryIds);
    for (const r of rows) {
      if (r.subjectType === "entry" && !readable.has(r.subjectId ?? "")) continue;
      items.push({
        id: String(r.id),
        at: r.at,
        role: r.actorRole,
        name: r.actorRole && STAFF.has(r.actorRole) ? r.actorName : null,
        isViewer: r.actorId === actor.userId,
        part: partOf(r.detail),
        entry: r.subjectType === "entry" ? { id: r.subjectId!, title: readable.get(r.subjectId!)! } : null,
      });
    }
  }
  return { items, older: more && cursor !== undefined ? String(cursor) : null };
}

function partOf(detail: unknown): ViewedPart {
  const part = (detail as { part?: unknown } | null)?.part;
  return typeof part === "string" ? (part as ViewedPart) : "chronology";
}

async function readableTitles(db: Db, actor: Actor, childId: string, locale: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.entry.findMany({
    where: { AND: [readableEntryWhere(actor, childId), { id: { in: [...new Set(ids)] } }] },
    select: { id: true, title: true, translations: { where: { locale }, select: { title: true } } },
  });
  return new Map(rows.map((r) => [r.id, r.translations[0]?.title ?? r.title]));
}
