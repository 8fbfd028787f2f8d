// Migrates the configured database and, on first run, loads the demo records and accounts.
import fs from "node:fs";
import path from "node:path";
import { createDemoAccounts } from "../lib/accounts/index.ts";
import type { SystemActor } from "../lib/access/actor.ts";
import { systemClock } from "../lib/clock.ts";
import { getConnection } from "../lib/db/index.ts";
import { dataDir, env } from "../lib/env.ts";
import { createLocalFileStore } from "../lib/files/index.ts";
import { importRecords } from "../lib/imports/index.ts";

const DEMO_FILE = path.resolve(import.meta.dirname, "../prisma/demo/case-records.json");
const actor: SystemActor = { userId: null, role: "system", displayName: "Portal start-up" };

export async function prepareDatabase() {
  const conn = await getConnection();
  try {
    const applied = await conn.migrate();
    if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
    const wantDemo = env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && conn.target.kind === "pglite");
    if (!wantDemo) return [];
    if ((await conn.prisma.user.count()) === 0) {
      const result = await importRecords({
        db: conn.prisma,
        files: createLocalFileStore(path.join(dataDir, "files")),
        clock: systemClock,
        actor,
        raw: fs.readFileSync(DEMO_FILE),
        fileName: "demo",
      });
      if (!result.ok) throw new Error(`Demo data did not import: ${result.problems.map((p) => p.path).join(", ")}`);
      console.log("Demo records loaded.");
    }
    return await createDemoAccounts({ db: conn.prisma, clock: systemClock });
  } finally {
    await conn.close();
  }
}
