import type { ImportCounts } from "./types.ts";

export type Outcome = "created" | "updated" | "unchanged";
export type Kind = "children" | "people" | "entries";

const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, created: 2 };

/**
 * Counts what an import did, once per object. A person named under two children is one row:
 * the strongest outcome wins (created over updated over unchanged).
 */
export function createTally() {
  const seen: Record<Kind, Map<string, Outcome>> = { children: new Map(), people: new Map(), entries: new Map() };
  return {
    note(kind: Kind, key: string, outcome: Outcome) {
      const before = seen[kind].get(key);
      if (!before || RANK[outcome] > RANK[before]) seen[kind].set(key, outcome);
    },
    counts(): Record<Kind, ImportCounts> {
      return { children: countOf(seen.children), people: countOf(seen.people), entries: countOf(seen.entries) };
    },
  };
}

export type Tally = ReturnType<typeof createTally>;

function countOf(outcomes: Map<string, Outcome>): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const outcome of outcomes.values()) counts[outcome] += 1;
  return counts;
}

/** True when a row's stored values equal the ones an import would write. */
export function sameValues(row: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([key, value]) => comparable(row[key]) === comparable(value));
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : (value ?? null);
}
