import type { FileStore, FileTx } from "./file-store.ts";

export type NewFile = { bytes: Uint8Array; fileName: string; mediaType: string; uploadedById: string | null };

/**
 * Keeps one uploaded file: its bytes in the store and its row in the register (StoredFile), in
 * the caller's transaction. Identical bytes are kept once; the register row is shared, so each
 * caller keeps the name and type it was given on its own row (ContributionAttachment, ...).
 */
export async function storeFile(tx: FileTx, store: FileStore, file: NewFile): Promise<{ id: string }> {
  const blob = await store.put(tx, file.bytes);
  return tx.storedFile.upsert({
    where: { storageKey: blob.storageKey },
    create: { storageKey: blob.storageKey, sha256: blob.sha256, size: blob.size, fileName: file.fileName, mediaType: file.mediaType, uploadedById: file.uploadedById },
    update: {},
    select: { id: true },
  });
}
