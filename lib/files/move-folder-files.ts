import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/connect.ts";
import { createDatabaseFileStore, sha256Hex } from "./database-file-store.ts";

// Before issue 7 file bytes lived in a folder (DATA_DIR/files/ab/abcdef…, named by their sha256).
// This copies into the database every registered file whose bytes the database lacks. It runs
// at every start, after migrating: SQL cannot read the folder, and a file missing from it must
// not stop the portal. The folder is only read, never changed.

export type NotMoved = { storageKey: string; why: "missing" | "damaged" | "unreadable" };

export type FolderMove = {
  /** Files copied into the database now. */
  moved: number;
  /** Registered files still without bytes, by storage key (never by name, which may name
   * someone): not in the folder, bytes that do not hash to their name, or unreadable. */
  notMoved: NotMoved[];
};

export async function moveFolderFiles(input: { db: Db; dir: string }): Promise<FolderMove> {
  const store = createDatabaseFileStore();
  const result: FolderMove = { moved: 0, notMoved: [] };
  for (const storageKey of await keysWithoutBytes(input.db)) {
    const read = await readFolderFile(input.dir, storageKey);
    if (typeof read === "string") result.notMoved.push({ storageKey, why: read });
    else if (sha256Hex(read) !== storageKey) result.notMoved.push({ storageKey, why: "damaged" });
    else {
      // One transaction per file: a large folder moves a file at a time, and an interrupted
      // start resumes where it stopped.
      await input.db.$transaction((tx) => store.put(tx, read));
      result.moved += 1;
    }
  }
  return result;
}

// Registered files the database holds no bytes for. The folder named every file by its sha256,
// so a key that is not one (which a later store might use) is not the folder's.
async function keysWithoutBytes(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ storageKey: string }[]>`
    SELECT f."storageKey" FROM "StoredFile" f
    WHERE f."storageKey" ~ '^[0-9a-f]{64}$'
      AND NOT EXISTS (SELECT 1 FROM "FileBlob" b WHERE b."storageKey" = f."storageKey")
    ORDER BY f."storageKey"`;
  return rows.map((r) => r.storageKey);
}

async function readFolderFile(dir: string, storageKey: string): Promise<Buffer | "missing" | "unreadable"> {
  try {
    return await fs.readFile(path.join(dir, storageKey.slice(0, 2), storageKey));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable";
  }
}
