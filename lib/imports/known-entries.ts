import type { Db } from "../db/connect.ts";
import type { KnownEntries } from "./semantic-checks.ts";
import { objectsIn, str } from "./shape.ts";

/**
 * Finds entries that the file's `supersedes` fields name but the file itself does not contain,
 * among those already imported for the same child. Runs before validation, on a document
 * whose shape is not yet known, so it only reads what it can.
 */
export async function findKnownEntries(db: Db, doc: unknown): Promise<KnownEntries> {
  const wanted = objectsIn((doc as { children?: unknown } | null)?.children).flatMap(([child]) => {
    const childId = str(child.externalId);
    const entries = objectsIn(child.entries).map(([e]) => e);
    const inFile = new Set(entries.map((e) => str(e.externalId)));
    const missing = entries.map((e) => str(e.supersedes)).filter((id): id is string => id !== undefined && !inFile.has(id));
    return childId && missing.length > 0 ? [{ childId, missing }] : [];
  });
  if (wanted.length === 0) return new Map();

  const found = await db.entry.findMany({
    where: { OR: wanted.map((w) => ({ child: { externalId: w.childId }, externalId: { in: w.missing } })) },
    select: { externalId: true, child: { select: { externalId: true } } },
  });
  const known = new Map<string, Set<string>>();
  for (const e of found) {
    const ids = known.get(e.child.externalId) ?? new Set<string>();
    known.set(e.child.externalId, ids.add(e.externalId));
  }
  return known;
}
