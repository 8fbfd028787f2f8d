import "server-only";
import type { Prisma } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

export type LockedEntry = { id: string; childId: string; withChild: boolean; version: number };

/**
 * The entry, if it matches `where` (the viewer's rights, from lib/access), locked until the
 * transaction ends: changes to what an entry shows (its sharing, its translations) happen one
 * after the other. NotFound otherwise.
 */
export async function lockEntry(tx: Prisma.TransactionClient, where: Prisma.EntryWhereInput, entryId: string): Promise<LockedEntry> {
  const found = await tx.entry.findFirst({ where: { AND: [where, { id: entryId }] }, select: { id: true } });
  if (!found) throw new NotFound();
  const rows = await tx.$queryRaw<LockedEntry[]>`SELECT "id", "childId", "withChild", "version" FROM "Entry" WHERE "id" = ${entryId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFound();
  return rows[0];
}
