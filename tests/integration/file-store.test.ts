import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/connect.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { CHUNK_BYTES, createDatabaseFileStore } from "../../lib/files/database-file-store.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { readPieces } from "../helpers/files.ts";

// The database file store: bytes written in the caller's transaction, stored once per content,
// and read back a chunk at a time.

const MB = 1024 * 1024;
const store = createDatabaseFileStore();
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe.each(databaseKinds())("database file store on %s", (kind) => {
  let db: TestDb;
  let statements: string[] = [];
  let counted: Db;

  beforeAll(async () => {
    db = await createTestDb(kind);
    // Names every statement sent through `counted`, transactions included.
    counted = db.prisma.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          statements.push(`${model ?? "raw"}.${operation}`);
          return query(args);
        },
      },
    }) as unknown as Db;
  });
  afterAll(() => db?.drop());

  const put = (bytes: Uint8Array) => db.prisma.$transaction((tx) => store.put(tx, bytes), { timeout: 60_000 });
  const blobCount = (storageKey: string) => db.prisma.fileBlob.count({ where: { storageKey } });
  const chunkCount = (storageKey: string) => db.prisma.fileBlobChunk.count({ where: { storageKey } });

  it.each([
    ["one byte", 1],
    ["exactly one chunk", CHUNK_BYTES],
    ["one byte over a chunk", CHUNK_BYTES + 1],
    ["10 MB", 10 * MB],
    ["10 MB and one byte", 10 * MB + 1],
  ])("keeps every byte of a file of %s, read back in chunks", async (_name, size) => {
    const bytes = randomBytes(size);
    const blob = await put(bytes);
    expect(blob).toEqual({ storageKey: sha256(bytes), sha256: sha256(bytes), size });

    const opened = await store.open(db.prisma, blob.storageKey);
    expect(opened.size).toBe(size);
    const pieces = await readPieces(opened);
    expect(pieces.map((p) => p.byteLength)).toEqual(Array.from({ length: Math.ceil(size / CHUNK_BYTES) }, (_, i) => Math.min(CHUNK_BYTES, size - i * CHUNK_BYTES)));
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
  });

  it("keeps an empty file", async () => {
    const blob = await put(new Uint8Array(0));
    const opened = await store.open(db.prisma, blob.storageKey);
    expect(opened.size).toBe(0);
    expect(await readPieces(opened)).toEqual([]);
  });

  it("reads a chunk only when the reader asks for it, one query each", async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES + 10);
    const { storageKey } = await put(bytes);
    statements = [];
    const opened = await store.open(counted, storageKey);
    expect(statements).toEqual(["FileBlob.findUnique"]);
    const reader = opened.stream.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(CHUNK_BYTES);
    // Nothing read ahead: the rest of the file is still in the database.
    expect(statements).toEqual(["FileBlob.findUnique", "raw.$queryRaw"]);
    const rest: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest.push(next.value);
    expect(rest.map((p) => p.byteLength)).toEqual([CHUNK_BYTES, CHUNK_BYTES, 10]);
    expect(statements).toHaveLength(1 + 4);
    expect(Buffer.concat([first.value!, ...rest]).equals(bytes)).toBe(true);
  });

  it("stores the same bytes once, however often and however they are given", async () => {
    const bytes = randomBytes(CHUNK_BYTES + 100);
    const key = sha256(bytes);
    const first = await put(bytes);
    const again = await put(Buffer.from(bytes));
    expect(again).toEqual(first);
    let decoded = 0;
    const source = { sha256: key, bytes: () => (decoded++, bytes) };
    const many = await db.prisma.$transaction((tx) => store.putMany(tx, [source, source]));
    expect(many).toEqual([first, first]);
    // Known bytes are not even asked for.
    expect(decoded).toBe(0);
    expect([await blobCount(key), await chunkCount(key)]).toEqual([1, 2]);
  });

  it("lets two transactions store the same files at the same moment", async () => {
    const files = Array.from({ length: 12 }, () => randomBytes(CHUNK_BYTES + 1));
    const sources = files.map((bytes) => ({ sha256: sha256(bytes), bytes: () => bytes }));
    const store2 = (list: typeof sources) => db.prisma.$transaction((tx) => store.putMany(tx, list), { timeout: 60_000 });
    const [a, b] = await Promise.all([store2(sources), store2([...sources].reverse())]);
    expect(b).toEqual([...a].reverse());
    const keys = sources.map((s) => s.sha256);
    expect(await db.prisma.fileBlobChunk.count({ where: { storageKey: { in: keys } } })).toBe(24);
    expect(Buffer.concat(await readPieces(await store.open(db.prisma, keys[5]))).equals(files[5])).toBe(true);
  });

  it("writes a batch of files once each, in a few statements", async () => {
    const files = Array.from({ length: 200 }, () => randomBytes(1_000));
    const sources = [...files, files[0]].map((bytes) => ({ sha256: sha256(bytes), bytes: () => bytes }));
    statements = [];
    const blobs = await counted.$transaction((tx) => store.putMany(tx, sources));
    expect(blobs.map((b) => b.sha256)).toEqual(sources.map((s) => s.sha256));
    // Which of them exist, then the blobs, then their chunks (200 kB: one statement).
    expect(statements).toEqual(["FileBlob.findMany", "raw.$executeRaw", "raw.$executeRawUnsafe"]);
    expect(await db.prisma.fileBlob.count({ where: { storageKey: { in: sources.map((s) => s.sha256) } } })).toBe(200);
    const last = await readPieces(await store.open(db.prisma, blobs[199].storageKey));
    expect(Buffer.concat(last).equals(files[199])).toBe(true);
  });

  it("leaves no bytes and no register row when the transaction rolls back", async () => {
    const bytes = randomBytes(2 * CHUNK_BYTES);
    const key = sha256(bytes);
    const failing = db.prisma.$transaction(async (tx) => {
      const blob = await store.put(tx, bytes);
      await tx.storedFile.create({ data: { storageKey: blob.storageKey, sha256: blob.sha256, size: blob.size, fileName: "letter.pdf", mediaType: "application/pdf" } });
      // Inside the transaction the file is there, as the rows that point at it will need.
      expect((await readPieces(await store.open(tx, key))).length).toBe(2);
      throw new Error("the upload failed");
    });
    await expect(failing).rejects.toThrow("the upload failed");
    expect([await blobCount(key), await chunkCount(key), await db.prisma.storedFile.count({ where: { storageKey: key } })]).toEqual([0, 0, 0]);
    await expect(store.open(db.prisma, key)).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses bytes that do not match the sha256 they are given under, and writes nothing", async () => {
    const key = sha256(randomBytes(10));
    const put = db.prisma.$transaction((tx) => store.putMany(tx, [{ sha256: key, bytes: () => randomBytes(10) }]));
    await expect(put).rejects.toThrow("do not match their sha256");
    expect(await blobCount(key)).toBe(0);
  });

  it("answers not found for a file it does not hold, and refuses a key that is not a sha256", async () => {
    await expect(store.open(db.prisma, "0".repeat(64))).rejects.toBeInstanceOf(NotFound);
    await expect(store.open(db.prisma, "../etc/passwd")).rejects.toThrow("Invalid storage key");
    await expect(db.prisma.$transaction((tx) => store.putMany(tx, [{ sha256: "ABC", bytes: () => new Uint8Array(1) }]))).rejects.toThrow("Invalid storage key");
  });
});
