import { sha256Hex, type BlobSource } from "../files/index.ts";
import { decodeBase64 } from "./attachment-bytes.ts";
import { canonicalEntry, type JsonValue } from "./canonical.ts";
import type { ImportAttachment, ImportChild, ImportEntry, ImportFile } from "./types.ts";

/** An attachment's name and type, and its bytes as the file store takes them (read again from the
 * base64 when written, so an import never holds every attachment decoded at once). */
export type PreparedAttachment = Omit<ImportAttachment, "contentBase64"> & { source: BlobSource; size: number };
export type PreparedEntry = { entry: ImportEntry; content: JsonValue; hash: string; attachments: PreparedAttachment[] };
export type PreparedChild = { child: ImportChild; entries: PreparedEntry[] };

/**
 * Computes each entry's versioned content, which names each attachment by the sha256 of its
 * bytes. Nothing is written: the bytes go to the file store inside the import's transaction
 * (write-entries.ts), so a failed import leaves none behind.
 */
export function prepareImport(data: ImportFile): PreparedChild[] {
  return data.children.map((child) => ({ child, entries: child.entries.map(prepareEntry) }));
}

function prepareEntry(entry: ImportEntry): PreparedEntry {
  const attachments = (entry.attachments ?? []).map(({ contentBase64, ...meta }): PreparedAttachment => {
    const bytes = decodeAttachment(contentBase64);
    return { ...meta, size: bytes.byteLength, source: { sha256: sha256Hex(bytes), bytes: () => decodeAttachment(contentBase64) } };
  });
  const { content, hash } = canonicalEntry(entry, attachments.map((a) => a.source.sha256));
  return { entry, content, hash, attachments };
}

function decodeAttachment(contentBase64: string): Buffer {
  // Validation has already decoded this successfully.
  const bytes = decodeBase64(contentBase64);
  if (!bytes) throw new Error("Attachment content is not base64 (validation should have caught this)");
  return bytes;
}
