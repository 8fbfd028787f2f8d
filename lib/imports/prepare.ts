import type { FileStore, StoredBlob } from "../files/index.ts";
import { decodeBase64 } from "./attachment-bytes.ts";
import { canonicalEntry, type JsonValue } from "./canonical.ts";
import type { ImportAttachment, ImportChild, ImportEntry, ImportFile } from "./types.ts";

export type PreparedAttachment = Omit<ImportAttachment, "contentBase64"> & { blob: StoredBlob };
export type PreparedEntry = { entry: ImportEntry; content: JsonValue; hash: string; attachments: PreparedAttachment[] };
export type PreparedChild = { child: ImportChild; entries: PreparedEntry[] };

/**
 * Writes every attachment to the file store and computes each entry's versioned content.
 * Runs before the database transaction: the store is content-addressed, so if the transaction
 * then fails the only trace is an unreferenced blob, and a retry reuses it.
 */
export async function prepareImport(data: ImportFile, files: FileStore): Promise<PreparedChild[]> {
  const prepared: PreparedChild[] = [];
  for (const child of data.children) {
    const entries: PreparedEntry[] = [];
    for (const entry of child.entries) entries.push(await prepareEntry(entry, files));
    prepared.push({ child, entries });
  }
  return prepared;
}

async function prepareEntry(entry: ImportEntry, files: FileStore): Promise<PreparedEntry> {
  const attachments: PreparedAttachment[] = [];
  for (const { contentBase64, ...meta } of entry.attachments ?? []) {
    // Validation has already decoded this successfully.
    const bytes = decodeBase64(contentBase64);
    if (!bytes) throw new Error("Attachment content is not base64 (validation should have caught this)");
    attachments.push({ ...meta, blob: await files.put(bytes) });
  }
  const { content, hash } = canonicalEntry(entry, attachments.map((a) => a.blob.sha256));
  return { entry, content, hash, attachments };
}
