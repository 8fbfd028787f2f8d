import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/connect.ts";
import { CHUNK_BYTES } from "../../lib/files/database-file-store.ts";
import { moveFolderFiles } from "../../lib/files/move-folder-files.ts";
import { runScript, withDataFolder } from "../helpers/cli.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { readStoredFile, testFileStore } from "../helpers/files.ts";

// Files stored before issue 7 live in DATA_DIR/files/ab/abcdef…; at start they are copied into
// the database, checked against their sha256, and the folder is left as it was.

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file as the folder store wrote it, and its StoredFile row as the import registered it. */
async function storeTheOldWay(db: Db, dir: string, bytes: Buffer, options: { write?: Buffer | null } = {}): Promise<string> {
  const key = sha256(bytes);
  const write = options.write === undefined ? bytes : options.write;
  if (write) {
    fs.mkdirSync(path.join(dir, key.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(dir, key.slice(0, 2), key), write);
  }
  await db.storedFile.create({ data: { storageKey: key, sha256: key, size: bytes.byteLength, fileName: "Amira's drawing.png", mediaType: "image/png" } });
  return key;
}

function folderListing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)).sort();
}

describe.each(databaseKinds())("moving the file folder into the database on %s", (kind) => {
  let db: TestDb;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDb(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-move-files-"));
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies each file the database lacks, checked, reports the rest by key, and is a no-op the second time", async () => {
    const small = randomBytes(100);
    const large = randomBytes(2 * CHUNK_BYTES + 5);
    const smallKey = await storeTheOldWay(db.prisma, dir, small);
    const largeKey = await storeTheOldWay(db.prisma, dir, large);
    const missingKey = await storeTheOldWay(db.prisma, dir, randomBytes(50), { write: null });
    const damagedKey = await storeTheOldWay(db.prisma, dir, randomBytes(50), { write: randomBytes(50) });
    // Stored in the database already (written since the upgrade): left alone.
    const already = randomBytes(70);
    const { storageKey: alreadyKey } = await db.prisma.$transaction((tx) => testFileStore.put(tx, already));
    await db.prisma.storedFile.create({ data: { storageKey: alreadyKey, sha256: alreadyKey, size: 70, fileName: "new.png", mediaType: "image/png" } });
    const listing = folderListing(dir);

    const first = await moveFolderFiles({ db: db.prisma, dir });
    expect(first.moved).toBe(2);
    expect(first.notMoved).toEqual(
      [{ storageKey: missingKey, why: "missing" }, { storageKey: damagedKey, why: "damaged" }].sort((a, b) => a.storageKey.localeCompare(b.storageKey)),
    );
    expect((await readStoredFile(db.prisma, smallKey)).equals(small)).toBe(true);
    expect((await readStoredFile(db.prisma, largeKey)).equals(large)).toBe(true);
    expect(await db.prisma.fileBlobChunk.count({ where: { storageKey: largeKey } })).toBe(3);
    expect((await readStoredFile(db.prisma, alreadyKey)).equals(already)).toBe(true);
    // Nothing wrong was stored under the damaged file's key.
    expect(await db.prisma.fileBlob.count({ where: { storageKey: { in: [missingKey, damagedKey] } } })).toBe(0);
    // The folder is only read.
    expect(folderListing(dir)).toEqual(listing);

    const blobs = await db.prisma.fileBlob.count();
    const again = await moveFolderFiles({ db: db.prisma, dir });
    expect(again).toEqual({ moved: 0, notMoved: first.notMoved });
    expect(await db.prisma.fileBlob.count()).toBe(blobs);
  });

  it("has nothing to do when every file is in the database, with or without a folder", async () => {
    const empty = await createTestDb(kind);
    try {
      expect(await moveFolderFiles({ db: empty.prisma, dir: path.join(dir, "no-such-folder") })).toEqual({ moved: 0, notMoved: [] });
    } finally {
      await empty.drop();
    }
  });
});

describe("db:migrate moves the folder's files", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-move-files-cli-"));
  });
  afterAll(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints a count, names missing files by key only, and carries on", async () => {
    const dir = path.join(dataDir, "files");
    const bytes = randomBytes(1_000);
    const keys = await withDataFolder(dataDir, async (conn) => {
      await conn.migrate();
      return { moved: await storeTheOldWay(conn.prisma, dir, bytes), missing: await storeTheOldWay(conn.prisma, dir, randomBytes(10), { write: null }) };
    });

    const first = await runScript("scripts/migrate.ts", [], dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `Database is up to date.\nFiles moved into the database: 1; 1 could not be moved.\n  The folder ${dir} is no longer used and may be removed once it is backed up.\n`,
    );
    expect(first.stderr).toBe(`  File ${keys.missing} not moved: not in the folder (downloads of it answer "not found").\n`);
    expect(first.stderr + first.stdout).not.toContain("drawing");

    const again = await runScript("scripts/migrate.ts", [], dataDir);
    expect(again.stdout).toBe("Database is up to date.\nFiles moved into the database: 0; 1 could not be moved.\n");
    expect(await withDataFolder(dataDir, (conn) => readStoredFile(conn.prisma, keys.moved))).toEqual(bytes);
    expect(fs.existsSync(path.join(dir, keys.moved.slice(0, 2), keys.moved))).toBe(true);
  });
});
