import "server-only";
import { storeFile, type FileStore } from "../files/index.ts";
import type { Prisma } from "../db/index.ts";

type Tx = Prisma.TransactionClient;

/** Files that passed lib/uploads: copies already checked, scanned and (pictures) re-encoded. */
export type FilesInput = readonly { fileName: string; mediaType: string; bytes: Uint8Array; reencoded: boolean }[];

/**
 * Stores each file's bytes and points the contribution (or one answer of it) at them, in the
 * caller's transaction: a message that fails to save leaves no file behind. Identical bytes are
 * stored once.
 */
export async function attachFiles(tx: Tx, input: { store: FileStore; contributionId: string; answerId?: string; uploadedById: string; files: FilesInput }) {
  for (const file of input.files) {
    const stored = await storeFile(tx, input.store, { ...file, uploadedById: input.uploadedById });
    await tx.contributionAttachment.create({
      data: { contributionId: input.contributionId, answerId: input.answerId ?? null, fileId: stored.id, fileName: file.fileName, mediaType: file.mediaType, reencoded: file.reencoded },
    });
  }
}
