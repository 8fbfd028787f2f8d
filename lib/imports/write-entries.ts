import type { Prisma } from "../db/generated/client.ts";
import type { FileStore } from "../files/index.ts";
import { chunksOf, ENTRIES_PER_CHUNK, type Tx } from "./batches.ts";
import { insertRows } from "./bulk-insert.ts";
import * as table from "./entry-rows.ts";
import { mapEntryColumns, mapRestriction } from "./map.ts";
import type { PreparedEntry } from "./prepare.ts";
import { storeFiles } from "./stored-files.ts";
import type { Tally } from "./tally.ts";

// Entries, written a chunk at a time: one query learns which of the chunk's entries exist, then
// each table gets one INSERT for the whole chunk. An entry whose content hash is unchanged is left
// alone; a changed one keeps its id, gets its parts replaced and a new version. All of it, the
// attachments' bytes included, runs in the caller's transaction, so a failure in any chunk leaves
// nothing behind.

export type EntryItem = { childExternalId: string; childId: string; personIds: ReadonlyMap<string, string>; prepared: PreparedEntry };
export type EntryWriteScope = { importRunId: string; uploadedById: string | null; files: FileStore; onProgress?: (done: number, total: number) => void };

type Existing = Prisma.EntryGetPayload<{ select: typeof EXISTING }>;
const EXISTING = {
  id: true,
  childId: true,
  externalId: true,
  version: true,
  contentHash: true,
  withChild: true,
  restriction: { select: { id: true, _count: { select: { reviews: true } } } },
  // A withholding decided in the portal (issue 10) is newer than the council's word on it.
  restrictionProposals: { where: { decision: { is: { outcome: { not: "rejected" } } } }, take: 1, select: { id: true } },
} as const;

/** The entries each child got or had changed, by child id: who reads them is told (lib/news). */
export type WrittenEntries = Map<string, string[]>;

export async function writeEntries(tx: Tx, items: EntryItem[], scope: EntryWriteScope, tally: Tally): Promise<WrittenEntries> {
  let done = 0;
  const written: WrittenEntries = new Map();
  for (const chunk of chunksOf(items, ENTRIES_PER_CHUNK)) {
    for (const [childId, entryId] of await writeChunk(tx, chunk, scope, tally)) {
      const ids = written.get(childId) ?? [];
      if (ids.length === 0) written.set(childId, ids);
      ids.push(entryId);
    }
    done += chunk.length;
    scope.onProgress?.(done, items.length);
  }
  return written;
}

async function writeChunk(tx: Tx, chunk: EntryItem[], scope: EntryWriteScope, tally: Tally): Promise<[string, string][]> {
  const existing = await findExisting(tx, chunk);
  const fresh: EntryItem[] = [];
  const changed: [EntryItem, Existing][] = [];
  for (const item of chunk) {
    const row = existing.get(`${item.childId}/${item.prepared.entry.externalId}`);
    const outcome = !row ? "created" : row.contentHash === item.prepared.hash ? "unchanged" : "updated";
    tally.note("entries", `${item.childExternalId}/${item.prepared.entry.externalId}`, outcome);
    if (!row) fresh.push(item);
    else if (outcome === "updated") changed.push([item, row]);
  }
  if (fresh.length === 0 && changed.length === 0) return [];

  // The chunk's attachments, bytes and register, in the import's transaction like the rest.
  const attachments = [...fresh, ...changed.map(([item]) => item)].flatMap((i) => i.prepared.attachments);
  const fileIds = await storeFiles(tx, scope.files, attachments, scope.uploadedById);
  const rows = table.emptyRows();
  const entries = fresh.map((item) => {
    const entry = table.newEntry(item.childId, item.prepared);
    table.addEntryRows(rows, entry.id, 1, item.prepared, { personIds: item.personIds, fileIds, importRunId: scope.importRunId });
    const restriction = item.prepared.entry.sharing.restriction;
    if (restriction) rows.restrictions.push({ entryId: entry.id, part: restriction, index: 0 });
    return entry;
  });
  await insertRows(tx, "Entry", table.ENTRY_COLUMNS, entries);
  if (changed.length > 0) await replaceChanged(tx, changed, rows, { fileIds, importRunId: scope.importRunId });
  await insertRows(tx, "EntrySection", table.SECTION_COLUMNS, rows.sections);
  await insertRows(tx, "EntryTranslation", table.TRANSLATION_COLUMNS, rows.translations);
  await insertRows(tx, "EntryExclusion", table.EXCLUSION_COLUMNS, rows.exclusions);
  await insertRows(tx, "Attachment", table.ATTACHMENT_COLUMNS, rows.attachments);
  await insertRows(tx, "Restriction", table.RESTRICTION_COLUMNS, rows.restrictions);
  await insertRows(tx, "EntryVersion", table.VERSION_COLUMNS, rows.versions);
  return [...entries.map((e): [string, string] => [e.childId, e.id]), ...changed.map(([, row]): [string, string] => [row.childId, row.id])];
}

async function findExisting(tx: Tx, chunk: EntryItem[]): Promise<Map<string, Existing>> {
  const byChild = new Map<string, string[]>();
  for (const item of chunk) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item.prepared.entry.externalId]);
  const found = await tx.entry.findMany({
    where: { OR: [...byChild].map(([childId, externalIds]) => ({ childId, externalId: { in: externalIds } })) },
    select: EXISTING,
  });
  return new Map(found.map((row) => [`${row.childId}/${row.externalId}`, row]));
}

/**
 * A changed entry keeps its id (contributions, requests and views point at it): its columns are
 * updated, its parts deleted and written again from the file, and a new version appended. A
 * restriction row is updated in place, since manager reviews point at it. Where a manager decided
 * in the portal whether the child sees the entry, that decision stands over the file's.
 */
async function replaceChanged(tx: Tx, changed: [EntryItem, Existing][], rows: table.EntryRows, scope: Omit<table.RowScope, "personIds">) {
  const byEntry = { entryId: { in: changed.map(([, row]) => row.id) } };
  await tx.entrySection.deleteMany({ where: byEntry });
  await tx.entryTranslation.deleteMany({ where: byEntry });
  await tx.entryExclusion.deleteMany({ where: byEntry });
  await tx.attachment.deleteMany({ where: byEntry });
  const lifted: string[] = [];
  for (const [item, row] of changed) {
    const version = row.version + 1;
    const decidedHere = row.restrictionProposals.length > 0;
    const columns = { ...mapEntryColumns(item.prepared.entry), ...(decidedHere ? { withChild: row.withChild } : {}) };
    await tx.entry.update({ where: { id: row.id }, data: { ...columns, contentHash: item.prepared.hash, version } });
    table.addEntryRows(rows, row.id, version, item.prepared, { ...scope, personIds: item.personIds });
    if (decidedHere) continue;
    const restriction = item.prepared.entry.sharing.restriction;
    if (restriction && row.restriction) await tx.restriction.update({ where: { id: row.restriction.id }, data: mapRestriction(restriction) });
    else if (restriction) rows.restrictions.push({ entryId: row.id, part: restriction, index: 0 });
    // A restriction that has manager reviews cannot be deleted (reviews are append-only and point
    // at it), so when the extract lifts such a restriction the row stays as history;
    // Entry.withChild, updated from the file, is what decides whether the child sees the entry.
    else if (!restriction && row.restriction?._count.reviews === 0) lifted.push(row.restriction.id);
  }
  if (lifted.length > 0) await tx.restriction.deleteMany({ where: { id: { in: lifted } } });
}
