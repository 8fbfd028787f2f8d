import { createDatabaseFileStore } from "./database-file-store.ts";
import type { FileStore } from "./file-store.ts";

/** The store the portal keeps files in: the database (an object store could be chosen here). */
export function configuredFileStore(): FileStore {
  return createDatabaseFileStore();
}
