import "server-only";

// The case-record import: validation with path-precise problems, and an idempotent,
// all-or-nothing apply. The format is case-record-import.schema.json beside this file.
export { importRecords, type ImportInput, type ImportProgress, type ImportResult } from "./apply.ts";
export { LIMIT_MESSAGES, LIMITS } from "./limits.ts";
export { parseImportJson, validateImport, validateImportText, type ValidationResult } from "./validate.ts";
export type * from "./types.ts";
export { findImportRun, IMPORT_RUNS_PAGE_SIZE, listImportRuns, type ImportRunView } from "./runs.ts";
