import "server-only";
import type { Actor } from "../access/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { configuredFileStore } from "../files/index.ts";
import { importRecords, LIMIT_MESSAGES, LIMITS, type ImportResult } from "../imports/index.ts";
import { UPLOAD_LIMIT_BYTES } from "./forms.ts";

/**
 * An import file uploaded in the browser, through the same importRecords the command line runs:
 * validated in full first, every problem returned by its JSON path and nothing written; a valid
 * file applied all or nothing, with its ImportRun and audit row. Runs in the portal's own
 * process on its own database, so it works on the embedded database too.
 */
export async function uploadImport(input: { db: Db; clock: Clock; actor: Actor; file: FormDataEntryValue | null }): Promise<ImportResult> {
  const { file } = input;
  if (!(file instanceof File) || file.size === 0) return { ok: false, problems: [{ path: "$", message: "no file was chosen, or it is empty" }] };
  // A file over the limit is refused before it is read (the command line takes up to LIMITS.fileBytes).
  if (file.size > Math.min(UPLOAD_LIMIT_BYTES, LIMITS.fileBytes)) {
    return { ok: false, problems: [{ path: "$", message: file.size > LIMITS.fileBytes ? LIMIT_MESSAGES.fileBytes : UPLOAD_TOO_LARGE }] };
  }
  const raw = new Uint8Array(await file.arrayBuffer());
  return importRecords({ db: input.db, files: configuredFileStore(), clock: input.clock, actor: input.actor, raw, fileName: file.name.slice(0, 200) });
}

const UPLOAD_TOO_LARGE = `is larger than ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB, the most the browser may upload: import it with the command line (npm run records:import), which takes up to ${LIMITS.fileBytes / 1024 / 1024} MB`;
