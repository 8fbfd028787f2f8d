import { createHash } from "node:crypto";
import { NotFound } from "../errors/index.ts";
import { assertStorageKey, type BlobSource, type FileReader, type FileStore, type FileTx, type OpenedBlob, type StoredBlob } from "./file-store.ts";

// Files kept in the database (FileBlob, FileBlobChunk): one backup holds everything, every app
// node behind a load balancer sees every file, and a file commits or rolls back with the row that
// points at it, because it is written with the caller's transaction.

/** Bytes per chunk: a download holds one chunk at a time, never the whole file. */
export const CHUNK_BYTES = 256 * 1024;
// Chunks of small files share an INSERT up to this many bytes; a full chunk goes alone: PGlite
// writes one 256 KiB chunk per statement faster than several in one (measured: 13 ms a chunk
// alone, 18-21 ms a chunk four or sixteen to a statement), while a batch of small attachments
// still costs one statement.
const STATEMENT_BYTES = CHUNK_BYTES;
// Rows in one INSERT … VALUES (three bind parameters each, far below PostgreSQL's 65,535).
const ROWS_PER_STATEMENT = 1_000;
// Keys in one `IN (…)` list.
const KEYS_PER_QUERY = 5_000;

export function createDatabaseFileStore(): FileStore {
  return {
    put: async (tx, bytes) => (await putMany(tx, [{ sha256: sha256Hex(bytes), bytes: () => bytes }]))[0],
    putMany,
    open,
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function putMany(tx: FileTx, sources: readonly BlobSource[]): Promise<StoredBlob[]> {
  for (const { sha256 } of sources) assertStorageKey(sha256);
  const sizes = await storedSizes(tx, [...new Set(sources.map((s) => s.sha256))]);
  const writer = chunkWriter(tx);
  // In key order: two transactions storing some of the same files then wait for each other in the
  // same order, never each for the other.
  for (const source of [...sources].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0))) {
    if (sizes.has(source.sha256)) continue; // stored already, or earlier in this batch
    const bytes = source.bytes();
    // The key promises the content: bytes that do not hash to it would be served for it forever.
    if (sha256Hex(bytes) !== source.sha256) throw new Error(`File bytes do not match their sha256 (${source.sha256})`);
    await writer.add(source.sha256, bytes);
    sizes.set(source.sha256, bytes.byteLength);
  }
  await writer.flush();
  return sources.map(({ sha256 }) => ({ storageKey: sha256, sha256, size: sizes.get(sha256)! }));
}

/** The size of each of these blobs the database holds, by key. */
async function storedSizes(db: FileReader, keys: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await db.fileBlob.findMany({ where: { storageKey: { in: keys.slice(i, i + KEYS_PER_QUERY) } }, select: { storageKey: true, size: true } });
    for (const row of rows) sizes.set(row.storageKey, row.size);
  }
  return sizes;
}

type BlobRow = { storageKey: string; size: number; chunkCount: number };
type ChunkRow = { storageKey: string; seq: number; bytes: Uint8Array };

// Gathers blobs and their chunks and writes them a statement's worth at a time, blobs before
// their chunks (which reference them). ON CONFLICT DO NOTHING: another transaction may be storing
// the same bytes at this moment; PostgreSQL makes this insert wait for it, then keeps its rows,
// which are the same bytes.
function chunkWriter(tx: FileTx) {
  let blobs: BlobRow[] = [];
  let chunks: ChunkRow[] = [];
  let pending = 0;
  async function flush() {
    if (blobs.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "FileBlob" ("storageKey", "size", "chunkCount")
        SELECT * FROM unnest(${blobs.map((b) => b.storageKey)}::text[], ${blobs.map((b) => b.size)}::int4[], ${blobs.map((b) => b.chunkCount)}::int4[])
        ON CONFLICT DO NOTHING`;
    }
    if (chunks.length > 0) {
      const values = chunks.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, decode($${i * 3 + 3}, 'base64'))`).join(", ");
      const params = chunks.flatMap((c) => [c.storageKey, c.seq, toBase64(c.bytes)]);
      await tx.$executeRawUnsafe(`INSERT INTO "FileBlobChunk" ("storageKey", "seq", "bytes") VALUES ${values} ON CONFLICT DO NOTHING`, ...params);
    }
    blobs = [];
    chunks = [];
    pending = 0;
  }
  async function add(storageKey: string, bytes: Uint8Array) {
    const chunkCount = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
    blobs.push({ storageKey, size: bytes.byteLength, chunkCount });
    for (let seq = 0; seq < chunkCount; seq++) {
      // A view, not a copy: the file's bytes are held once.
      const chunk = bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
      if (pending + chunk.byteLength > STATEMENT_BYTES || chunks.length === ROWS_PER_STATEMENT) await flush();
      chunks.push({ storageKey, seq, bytes: chunk });
      pending += chunk.byteLength;
    }
  }
  return { add, flush };
}

// Bytes travel to and from the database as base64 text, turned into bytea by PostgreSQL's
// decode()/encode(): PGlite converts a bytea parameter or result to and from hex in JavaScript,
// about 100 ms per chunk each way, ten times slower than this; PostgreSQL does either quickly.
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

async function open(db: FileReader, storageKey: string): Promise<OpenedBlob> {
  assertStorageKey(storageKey);
  const blob = await db.fileBlob.findUnique({ where: { storageKey }, select: { size: true, chunkCount: true } });
  if (!blob) throw new NotFound("Stored file not found");
  return { size: blob.size, stream: chunkStream(db, storageKey, blob) };
}

// One small query per chunk, made only when the reader asks for more (highWaterMark 0: nothing
// is read ahead), so a slow download holds one chunk, and an abandoned one stops reading.
// Chunks never change, so reading them outside a transaction is consistent.
function chunkStream(db: FileReader, storageKey: string, blob: { size: number; chunkCount: number }): ReadableStream<Uint8Array> {
  let seq = 0;
  let read = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const [row] = await db.$queryRaw<{ base64: string }[]>`
          SELECT encode("bytes", 'base64') AS base64 FROM "FileBlobChunk" WHERE "storageKey" = ${storageKey} AND "seq" = ${seq}`;
        if (!row) return controller.error(new Error(`Stored file ${storageKey} has no chunk ${seq}`));
        const bytes = Buffer.from(row.base64, "base64");
        read += bytes.byteLength;
        seq += 1;
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        if (seq < blob.chunkCount) return;
        if (read !== blob.size) return controller.error(new Error(`Stored file ${storageKey} has ${read} bytes, not ${blob.size}`));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
