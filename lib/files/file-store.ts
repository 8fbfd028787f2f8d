import type { Db } from "../db/connect.ts";
import type { Prisma } from "../db/generated/client.ts";

// Where file bytes live. The database keeps a register (StoredFile) pointing at storageKey.
// Keys are the sha256 of the content, so writing the same bytes twice stores them once.

export type StoredBlob = { storageKey: string; sha256: string; size: number };

/** The caller's transaction: a store that keeps bytes in the database writes them there, so they
 * commit or roll back with the row that points at them. A store elsewhere may ignore it. */
export type FileTx = Prisma.TransactionClient;
/** Anything that can read: the database client, or a transaction's. */
export type FileReader = Db | Prisma.TransactionClient;

/**
 * One file to store, named by the sha256 of its bytes. The bytes are asked for only when the
 * store lacks them (a batch never holds every file at once, and known files are not decoded
 * again); the store checks they hash to `sha256` before keeping them.
 */
export type BlobSource = { sha256: string; bytes(): Uint8Array };

/** A stored file opened for reading: its size, and its bytes as they are read, piece by piece. */
export type OpenedBlob = { size: number; stream: ReadableStream<Uint8Array> };

export interface FileStore {
  /** Stores one file within the caller's transaction. */
  put(tx: FileTx, bytes: Uint8Array): Promise<StoredBlob>;
  /** Stores several files within the caller's transaction in a few statements; one blob per
   * source, in order. */
  putMany(tx: FileTx, sources: readonly BlobSource[]): Promise<StoredBlob[]>;
  /** Opens a stored file for streaming; NotFound when the store does not hold it. */
  open(db: FileReader, storageKey: string): Promise<OpenedBlob>;
}

const STORAGE_KEY = /^[0-9a-f]{64}$/;

/** Keys are lowercase sha256 hex; anything else could name a path outside the store. */
export function assertStorageKey(storageKey: string): void {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("Invalid storage key: expected 64 lowercase hex characters");
}
