import type { Db } from "../db/connect.ts";
import { NotFound } from "../errors/index.ts";
import type { ImportCounts } from "./types.ts";

// The history of imports: one ImportRun per file applied (a file with problems writes none).

export const IMPORT_RUNS_PAGE_SIZE = 20;

export type ImportRunView = {
  id: string;
  source: string;
  exportedAt: Date;
  startedAt: Date;
  finishedAt: Date;
  fileName: string | null;
  counts: Record<"children" | "people" | "entries", ImportCounts>;
};

const select = { id: true, source: true, exportedAt: true, startedAt: true, finishedAt: true, summary: true } as const;
type Row = { id: string; source: string; exportedAt: Date; startedAt: Date; finishedAt: Date; summary: unknown };

const ZERO: ImportCounts = { created: 0, updated: 0, unchanged: 0 };

function toView(row: Row): ImportRunView {
  const summary = (row.summary ?? {}) as Partial<Record<"children" | "people" | "entries", ImportCounts>> & { fileName?: string };
  const { summary: _summary, ...rest } = row;
  return { ...rest, fileName: summary.fileName ?? null, counts: { children: summary.children ?? ZERO, people: summary.people ?? ZERO, entries: summary.entries ?? ZERO } };
}

/** Newest first, a page at a time. */
export async function listImportRuns(input: { db: Db; page: number }) {
  const page = Math.max(1, input.page);
  const [total, rows] = await Promise.all([
    input.db.importRun.count(),
    input.db.importRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: (page - 1) * IMPORT_RUNS_PAGE_SIZE, take: IMPORT_RUNS_PAGE_SIZE, select }),
  ]);
  return { runs: rows.map(toView), total, page, pages: Math.max(1, Math.ceil(total / IMPORT_RUNS_PAGE_SIZE)) };
}

export async function findImportRun(input: { db: Db; id: string }): Promise<ImportRunView> {
  const row = await input.db.importRun.findUnique({ where: { id: input.id }, select });
  if (!row) throw new NotFound("No such import");
  return toView(row);
}
