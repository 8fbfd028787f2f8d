// After migrating: files stored before their bytes moved into the database (issue 7) are copied
// from DATA_DIR/files. Quiet when there is nothing to move; never stops the start.
import path from "node:path";
import type { Db } from "../lib/db/connect.ts";
import { dataDir } from "../lib/env.ts";
import { moveFolderFiles } from "../lib/files/index.ts";

export async function moveFilesIntoDatabase(db: Db, dir = path.join(dataDir, "files")): Promise<void> {
  try {
    const { moved, notMoved } = await moveFolderFiles({ db, dir });
    if (moved === 0 && notMoved.length === 0) return;
    console.log(`Files moved into the database: ${moved}${notMoved.length ? `; ${notMoved.length} could not be moved` : ""}.`);
    // By storage key only: a file's name may name someone.
    for (const { storageKey, why } of notMoved) console.warn(`  File ${storageKey} not moved: ${WHY[why]} (downloads of it answer "not found").`);
    if (moved > 0) console.log(`  The folder ${dir} is no longer used and may be removed once it is backed up.`);
  } catch (error) {
    console.warn(`Files were not moved into the database: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

const WHY = {
  missing: `not in the folder`,
  damaged: "its bytes in the folder do not match its sha256",
  unreadable: "the folder's copy cannot be read",
} as const;
