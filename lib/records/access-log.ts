import "server-only";
import { childWhereForActor, isStaff, mayReadAccessLog, readableEntryWhere, type Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Role } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { titleFor } from "./entry-content.ts";

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

export async function findAccessLog(input: { db: Db; actor: Actor; childId: string; locale: string; before?: string }) {
  const { db, actor, childId, locale } = input;
  if (!mayReadAccessLog(actor)) throw new NotFound();
  const cursor = decodeCursor(input.before);
  const rows = await db.recordView.findMany({
    where: {
      AND: [
        // The record must be one this reader may open: a role allowed to read logs is not enough.
        { childId, child: { is: childWhereForActor(actor) } },
        // Views of entries the reader may not read are left out in the query itself, so neither
        // the page's length nor its cursor can hint at them.
        { OR: [{ entryId: null }, { entry: readableEntryWhere(actor, childId) }] },
        ...(cursor ? [{ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] : []),
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    include: { entry: { select: { title: true, translations: { where: { locale }, select: { title: true } } } } },
  });
  const page = rows.slice(0, PAGE);
  const items = page.map(
    (r): AccessLogItem => ({
      id: r.id,
      at: r.at,
      role: r.actorRole,
      name: isStaff(r.actorRole as Role) ? r.actorName : null,
      isViewer: r.actorId === actor.userId,
      part: r.part as ViewedPart,
      entry: r.entryId && r.entry ? { id: r.entryId, title: titleFor(r.entry) } : null,
    }),
  );
  const last = page[page.length - 1];
  return { items, older: rows.length > PAGE && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}
