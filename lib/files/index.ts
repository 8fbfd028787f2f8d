import "server-only";
import { createDatabaseFileStore } from "./database-file-store.ts";
import type { FileStore } from "./file-store.ts";

export {
  assertStorageKey,
  type BlobSource,
  type FileReader,
  type FileStore,
  type FileTx,
  type OpenedBlob,
  type StoredBlob,
} from "./file-store.ts";
export { CHUNK_BYTES, createDatabaseFileStore, sha256Hex } from "./database-file-store.ts";
export { attachedFileResponse, fileDownloadResponse, type DownloadOptions } from "./download-response.ts";
export { findAttachedFile } from "./attached-file.ts";
export { storeFile, type NewFile } from "./store-file.ts";
export { moveFolderFiles, type FolderMove, type NotMoved } from "./move-folder-files.ts";

/** The store the portal keeps files in: the database (an object store could be chosen here). */
export function configuredFileStore(): FileStore {
  return createDatabaseFileStore();
}
