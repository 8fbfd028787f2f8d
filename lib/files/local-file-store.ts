import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { NotFound } from "../errors/index.ts";
import { assertStorageKey, type FileStore, type StoredBlob } from "./file-store.ts";

/**
 * Stores files in a local folder, content-addressed: dir/ab/abcdef… (first two hex characters
 * as a subfolder, so no folder grows too large).
 */
export function createLocalFileStore(dir: string): FileStore {
  const pathOf = (key: string) => path.join(dir, key.slice(0, 2), key);
  return {
    async put(bytes) {
      const blob = describeBlob(bytes);
      const target = pathOf(blob.storageKey);
      if (await exists(target)) return blob;
      await writeAtomically(target, bytes);
      return blob;
    },
    async get(storageKey) {
      assertStorageKey(storageKey);
      try {
        return await fs.readFile(pathOf(storageKey));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new NotFound("Stored file not found");
        throw error;
      }
    },
  };
}

function describeBlob(bytes: Uint8Array): StoredBlob {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { storageKey: sha256, sha256, size: bytes.byteLength };
}

// A reader never sees a half-written file: write beside the target, then rename over it
// (rename is atomic within one file system). Two writers of the same key write the same bytes,
// so whichever rename lands last is as good as the first.
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const handle = await fs.open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      // On disk before the database row that points at it can commit.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
