// Migrates the configured database, moves files from the old file folder into it, and, on an
// empty one, loads the demo records and accounts.
import { systemClock } from "../lib/clock.ts";
import type { Connection } from "../lib/db/connect.ts";
import { env } from "../lib/env.ts";
import { configuredFileStore } from "../lib/files/index.ts";
import { loadDemoData } from "../lib/demo/index.ts";
import { moveFilesIntoDatabase } from "./move-files.ts";

export async function prepareDatabase(conn: Connection) {
  const applied = await conn.migrate();
  if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
  await moveFilesIntoDatabase(conn.prisma);
  const wantDemo = env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && conn.target.kind === "pglite");
  if (!wantDemo) return [];
  // The portal starts whatever happens to the demo data: it is a convenience, not a need.
  try {
    return await loadDemoData({ db: conn.prisma, files: configuredFileStore(), clock: systemClock });
  } catch (error) {
    console.warn(`Demo data was not loaded: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
