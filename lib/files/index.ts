import "server-only";

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
export { findAttachedFile, openAttachedFile, type AttachedFile, type FileOwner } from "./attached-file.ts";
export { configuredFileStore } from "./configured-store.ts";
export { storeFile, type NewFile } from "./store-file.ts";
export { moveFolderFiles, type FolderMove, type NotMoved } from "./move-folder-files.ts";
