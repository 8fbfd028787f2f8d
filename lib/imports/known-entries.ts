import type { Db } from "../db/connect.ts";
import type { KnownIds } from "./semantic-checks.ts";
import { isObj, objectsIn, str, type Obj } from "./shape.ts";

// Runs before validation, on a document whose shape is not yet known, so it only reads what it can.

type Wanted = { childId: string; missing: string[] };

/**
 * Finds entries that the file's `supersedes` fields name but the file itself does not contain,
 * among those already imported for the same child.
 */
export async function findKnownEntries(db: Db, doc: unknown): Promise<KnownIds> {
  const wanted = missingPerChild(doc, (child) => {
    const entries = objectsIn(child.entries).map(([e]) => e);
    const inFile = new Set(entries.map((e) => str(e.externalId)));
    return entries.map((e) => str(e.supersedes)).filter((id): id is string => id !== undefined && !inFile.has(id));
  });
  if (wanted.length === 0) return new Map();
  const found = await db.entry.findMany({
    where: { OR: wanted.map((w) => ({ child: { externalId: w.childId }, externalId: { in: w.missing } })) },
    select: { externalId: true, child: { select: { externalId: true } } },
  });
  return group(found.map((e) => [e.child.externalId, e.externalId]));
}

/**
 * Finds people that entries exclude but the file's people list leaves out, among those already
 * linked to the same child: a later extract need not repeat everyone (links are never removed).
 */
export async function findKnownPeople(db: Db, doc: unknown): Promise<KnownIds> {
  const wanted = missingPerChild(doc, (child) => {
    const inFile = new Set(objectsIn(child.people).map(([p]) => str(p.externalId)));
    return objectsIn(child.entries)
      .flatMap(([e]) => (isObj(e.sharing) && Array.isArray(e.sharing.excludePeople) ? e.sharing.excludePeople : []))
      .filter((id): id is string => typeof id === "string" && !inFile.has(id));
  });
  if (wanted.length === 0) return new Map();
  const found = await db.childPerson.findMany({
    where: { OR: wanted.map((w) => ({ child: { externalId: w.childId }, person: { externalId: { in: w.missing } } })) },
    select: { child: { select: { externalId: true } }, person: { select: { externalId: true } } },
  });
  return group(found.map((l) => [l.child.externalId, l.person.externalId]));
}

function missingPerChild(doc: unknown, missingIn: (child: Obj) => string[]): Wanted[] {
  return objectsIn((doc as { children?: unknown } | null)?.children).flatMap(([child]) => {
    const childId = str(child.externalId);
    const missing = [...new Set(missingIn(child))];
    return childId && missing.length > 0 ? [{ childId, missing }] : [];
  });
}

function group(pairs: [string, string][]): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  for (const [childId, id] of pairs) known.set(childId, (known.get(childId) ?? new Set<string>()).add(id));
  return known;
}
