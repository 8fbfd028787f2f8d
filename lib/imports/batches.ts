import type { Prisma } from "../db/generated/client.ts";

export type Tx = Prisma.TransactionClient;

// Imports write in batches: one INSERT per table per chunk of entries (bulk-insert.ts sends each
// column as one array parameter, so a chunk's size is not bounded by bind parameters), and one
// query to learn which rows exist, instead of several round trips per entry. Chunks bound the
// memory of one statement and give progress reports their rhythm.
export const ENTRIES_PER_CHUNK = 2_000;
// Values in one `IN (…)` list.
export const IDS_PER_QUERY = 5_000;

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `query` over the ids in slices and concatenates the rows. */
export async function findInSlices<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const slice of chunksOf([...new Set(ids)], IDS_PER_QUERY)) rows.push(...(await query(slice)));
  return rows;
}
