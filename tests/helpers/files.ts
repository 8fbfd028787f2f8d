import { createDatabaseFileStore } from "../../lib/files/database-file-store.ts";
import type { FileReader, OpenedBlob } from "../../lib/files/file-store.ts";

/** The file store the portal uses: bytes in the test's own database. */
export const testFileStore = createDatabaseFileStore();

/** Every piece an opened file's stream yields, in order. */
export async function readPieces({ stream }: Pick<OpenedBlob, "stream">): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) pieces.push(next.value);
  return pieces;
}

/** A stored file's bytes, read through the store's stream. */
export async function readStoredFile(db: FileReader, storageKey: string): Promise<Buffer> {
  return Buffer.concat(await readPieces(await testFileStore.open(db, storageKey)));
}
