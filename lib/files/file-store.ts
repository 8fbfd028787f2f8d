// Where file bytes live. The database keeps a register (StoredFile) pointing at storageKey.
// Keys are the sha256 of the content, so writing the same bytes twice stores them once, and a
// file written for a transaction that later rolls back is only an unreferenced blob.
export type StoredBlob = { storageKey: string; sha256: string; size: number };

export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredBlob>;
  get(storageKey: string): Promise<Buffer>;
}

const STORAGE_KEY = /^[0-9a-f]{64}$/;

/** Keys are lowercase sha256 hex; anything else could name a path outside the store. */
export function assertStorageKey(storageKey: string): void {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("Invalid storage key: expected 64 lowercase hex characters");
}
