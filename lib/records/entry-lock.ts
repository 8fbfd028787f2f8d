import "server-only";
import { readableEntryWhere, type Actor } from "../access/index.ts";
import type { Prisma } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";

export type LockedEntry = { id: string; childId: string; withChild: boolean; version: number };

/**
 * The entry, if this viewer may read it, locked until the transaction ends: changes to what an
 * entry shows (its sharing, its translations) happen one after the other. NotFound otherwise.
 */
export async function lockReadableEntry(tx: Prisma.TransactionClient, actor: Actor, childId: string, entryId: string): Promise<LockedEntry> {
  const readable = await tx.entry.findFirst({ where: { AND: [readableEntryWhere(actor, childId), { id: entryId }] }, select: { id: true } });
  if (!readable) throw new NotFound();
  const rows = await tx.$queryRaw<LockedEntry[]>`SELECT "id", "childId", "withChild", "version" FROM "Entry" WHERE "id" = ${entryId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFound();
  return rows[0];
}
