import "server-only";
export { assertStorageKey, type FileStore, type StoredBlob } from "./file-store.ts";
export { createLocalFileStore } from "./local-file-store.ts";
