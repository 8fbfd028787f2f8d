// `npm run records:import -- FILE`: imports a case-record extract (lib/imports) into the
// configured database, all or nothing. Errors name JSON paths only, never field values or
// file contents, because the file holds personal data.
import fs from "node:fs/promises";
import path from "node:path";
import type { SystemActor } from "../lib/access/actor.ts";
import { systemClock } from "../lib/clock.ts";
import { LIMIT_MESSAGES, LIMITS, parseImportJson, type ImportCounts, type ImportProblem, type ImportProgress, type ImportSummary } from "../lib/imports/index.ts";

const PROGRESS_FROM = 2_000;
const USAGE = "Usage: npm run records:import -- FILE   (FILE is a case-record-import JSON extract)";
const actor: SystemActor = { userId: null, role: "system", displayName: "records:import command" };

class UsageError extends Error {}
class InputError extends Error {}

async function main(argv: string[]): Promise<number> {
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  if (args.length !== 1 || args[0].startsWith("-")) throw new UsageError(args.length === 0 ? "No file given" : "Give exactly one file");
  const file = args[0];
  // A file over the size limit is refused before it is read into memory.
  if ((await sizeOf(file)) > LIMITS.fileBytes) return reportProblems([{ path: "$", message: LIMIT_MESSAGES.fileBytes }]);
  const raw = await readInput(file);
  // A file that is not JSON is reported before touching the database.
  const parsed = parseImportJson(raw);
  if (!parsed.ok) return reportProblems(parsed.problems);

  // Imported here so a bad environment is reported as one line, like any other error.
  const [{ getConnection }, { configuredFileStore }, { importRecords }] = await Promise.all([
    import("../lib/db/index.ts"),
    import("../lib/files/index.ts"),
    import("../lib/imports/index.ts"),
  ]);
  const conn = await getConnection();
  try {
    await conn.migrate();
    const result = await importRecords({ db: conn.prisma, files: configuredFileStore(), clock: systemClock, actor, raw, fileName: path.basename(file), onProgress: reportProgress });
    if (!result.ok) return reportProblems(result.problems);
    console.log(describeSummary(result.summary));
    return 0;
  } finally {
    await conn.close();
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (error) {
    throw unreadable(error);
  }
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw unreadable(error);
  }
}

function unreadable(error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : code ?? "read failed";
  return new InputError(`cannot read the file: ${why}`);
}

// Large files take a while: say how far the writing has got, once per batch (counts only, no
// content). Small files, written in one batch, stay quiet.
function reportProgress({ entriesWritten, entries }: ImportProgress) {
  if (entries > PROGRESS_FROM) console.error(`records-import: ${entriesWritten.toLocaleString("en-GB")} of ${entries.toLocaleString("en-GB")} entries written`);
}

function reportProblems(problems: ImportProblem[]): number {
  console.error(`records-import: nothing was imported; the file has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const problem of problems) console.error(`${problem.path}: ${problem.message}`);
  return 1;
}

function describeSummary(summary: ImportSummary): string {
  const part = (name: string, c: ImportCounts) => `${name} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  return `Imported: ${part("children", summary.children)}; ${part("people", summary.people)}; ${part("entries", summary.entries)}.`;
}

// Prisma's messages can quote the values of a query, which here are personal data: for those
// show only the kind and code. Other errors (a locked database folder, a refused connection)
// describe the set-up, so their first line is shown.
function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return "unexpected error";
  if (error.name.startsWith("PrismaClient")) {
    const code = (error as { code?: unknown }).code;
    return `database error (${error.name}${typeof code === "string" ? ` ${code}` : ""})`;
  }
  return `unexpected error: ${error.message.split("\n")[0]}`;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`records-import: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof InputError || (error instanceof Error && error.message.startsWith("Invalid environment"))) {
    console.error(`records-import: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`records-import: ${describeUnexpected(error)}; nothing was imported.`);
    process.exitCode = 1;
  }
}
