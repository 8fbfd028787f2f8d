import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/connect.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { FileStore } from "../files/index.ts";
import { tellImportedEntries } from "../news/index.ts";
import { sha256Hex } from "./canonical.ts";
import { findKnownEntries, findKnownPeople } from "./known-entries.ts";
import { prepareImport, type PreparedChild } from "./prepare.ts";
import { createTally } from "./tally.ts";
import type { ImportFile, ImportProblem, ImportSummary } from "./types.ts";
import { writeEntries, type EntryItem } from "./write-entries.ts";
import { writeChildren, writePeople } from "./write-people.ts";
import { parseImportJson, validateImport } from "./validate.ts";

type Tx = Prisma.TransactionClient;

export type ImportInput = {
  db: Db;
  files: FileStore;
  clock: Clock;
  actor: SystemActor | Actor;
  raw: string | Uint8Array;
  fileName?: string;
  /** Called as entries are written, for progress on large files (counts only, no content). */
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportProgress = { entriesWritten: number; entries: number };

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

type RunContext = { data: ImportFile; prepared: PreparedChild[]; input: ImportInput; startedAt: Date; sha256: string };

/**
 * Imports a case-record extract, all or nothing. An invalid file writes nothing at all and
 * returns every problem. A valid one is applied in one transaction that also records an
 * ImportRun and one audit event, even when nothing changed (importing the same file again is
 * then visible in the log as a run with zero changes).
 */
export async function importRecords(input: ImportInput): Promise<ImportResult> {
  const startedAt = input.clock.now();
  const parsed = parseImportJson(input.raw);
  if (!parsed.ok) return parsed;
  const known = { knownEntries: await findKnownEntries(input.db, parsed.doc), knownPeople: await findKnownPeople(input.db, parsed.doc) };
  const checked = validateImport(parsed.doc, { ...known, duplicateKeys: parsed.duplicateKeys });
  if (!checked.ok) return checked;

  const prepared = prepareImport(checked.data);
  const context: RunContext = { data: checked.data, prepared, input, startedAt, sha256: sha256Hex(input.raw) };
  // PGlite has a single connection: inside the transaction only `tx` may be used.
  const summary = await input.db.$transaction((tx) => applyImport(tx, context), { timeout: transactionTimeout(prepared), maxWait: 30_000 });
  return { ok: true, summary };
}

// Two minutes, and more for large files (a slow disk writes a few hundred entries a second, and
// attachments a few megabytes a second).
function transactionTimeout(prepared: PreparedChild[]): number {
  const entries = prepared.flatMap((c) => c.entries);
  const attachmentBytes = entries.reduce((n, e) => n + e.attachments.reduce((m, a) => m + a.size, 0), 0);
  return 120_000 + entries.length * 20 + Math.ceil(attachmentBytes / 1_000);
}

/** The people each child's entries exclude, by child externalId. */
function excludedPeople(prepared: PreparedChild[]): Map<string, string[]> {
  return new Map(prepared.map(({ child, entries }) => [child.externalId, [...new Set(entries.flatMap(({ entry }) => entry.sharing.excludePeople ?? []))]]));
}

async function applyImport(tx: Tx, { data, prepared, input, startedAt, sha256 }: RunContext): Promise<ImportSummary> {
  const run = await tx.importRun.create({
    data: { source: data.source, exportedAt: new Date(data.exportedAt), sha256, status: "succeeded", summary: {}, startedAt, finishedAt: startedAt },
    select: { id: true },
  });
  const tally = createTally();
  const children = prepared.map((p) => p.child);
  const childIds = await writeChildren(tx, children, tally);
  const personIds = await writePeople(tx, children, childIds, excludedPeople(prepared), tally);
  const items: EntryItem[] = prepared.flatMap(({ child, entries }) =>
    entries.map((entry) => ({ childExternalId: child.externalId, childId: childIds.get(child.externalId)!, personIds: personIds.get(child.externalId)!, prepared: entry })),
  );
  const onProgress = input.onProgress && ((done: number, total: number) => input.onProgress!({ entriesWritten: done, entries: total }));
  const written = await writeEntries(tx, items, { importRunId: run.id, uploadedById: input.actor.userId, files: input.files, onProgress }, tally);
  // Who may read what arrived hears of it with the import: at most one item each per record per
  // run (lib/news tellImportedEntries), so a file of thousands of entries stays one line of news.
  await tellImportedEntries(tx, { written, now: input.clock.now() });
  const counts = tally.counts();
  await tx.importRun.update({
    where: { id: run.id },
    // The file name is for administrators; it stays out of the audit detail in case it names someone.
    data: { summary: { ...counts, ...(input.fileName ? { fileName: input.fileName } : {}) }, finishedAt: input.clock.now() },
  });
  await appendAudit(tx, {
    actor: input.actor,
    action: "records.import",
    subjectType: "ImportRun",
    subjectId: run.id,
    detail: counts,
    at: input.clock.now(),
  });
  return { importRunId: run.id, ...counts };
}
