import { randomUUID } from "node:crypto";
import type { FileStore, StoredBlob } from "../files/index.ts";
import { findInSlices, type Tx } from "./batches.ts";
import type { PreparedAttachment } from "./prepare.ts";

/**
 * Writes the attachments' bytes to the file store and registers each file once (StoredFile is
 * unique by storageKey), all in the import's transaction. Returns StoredFile ids by the sha256
 * of their bytes. A StoredFile's fileName/mediaType are as first stored and shown to nobody; what
 * a record shows is its own Attachment's fileName/mediaType.
 */
export async function storeFiles(tx: Tx, files: FileStore, attachments: PreparedAttachment[], uploadedById: string | null): Promise<Map<string, string>> {
  if (attachments.length === 0) return new Map();
  const blobs = await files.putMany(tx, attachments.map((a) => a.source));
  const registered = await registerFiles(tx, attachments.map((a, i) => ({ ...a, blob: blobs[i] })), uploadedById);
  return new Map(blobs.map((blob) => [blob.sha256, registered.get(blob.storageKey)!]));
}

type StoredAttachment = PreparedAttachment & { blob: StoredBlob };

/** Registers each blob once; returns file ids by storageKey. */
async function registerFiles(tx: Tx, attachments: StoredAttachment[], uploadedById: string | null): Promise<Map<string, string>> {
  const keys = [...new Set(attachments.map((a) => a.blob.storageKey))];
  const ids = await fileIds(tx, keys);
  const missing = new Map<string, StoredAttachment>();
  for (const a of attachments) if (!ids.has(a.blob.storageKey) && !missing.has(a.blob.storageKey)) missing.set(a.blob.storageKey, a);
  if (missing.size === 0) return ids;
  const rows = [...missing.values()].map(({ blob, fileName, mediaType }) => ({
    id: randomUUID(), storageKey: blob.storageKey, sha256: blob.sha256, size: blob.size, fileName, mediaType, uploadedById,
  }));
  // Another import may register the same bytes at the same moment: keep whichever row won.
  const { count } = await tx.storedFile.createMany({ data: rows, skipDuplicates: true });
  if (count === rows.length) for (const row of rows) ids.set(row.storageKey, row.id);
  else for (const [key, id] of await fileIds(tx, [...missing.keys()])) ids.set(key, id);
  return ids;
}

async function fileIds(tx: Tx, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await findInSlices(keys, (slice) => tx.storedFile.findMany({ where: { storageKey: { in: slice } }, select: { id: true, storageKey: true } }));
  return new Map(rows.map((r) => [r.storageKey, r.id]));
}
