import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { SystemActor } from "../access/index.ts";
import type { FileStore } from "../files/index.ts";
import { createDemoAccounts, type DemoAccount } from "../accounts/index.ts";
import { importRecords } from "../imports/index.ts";
import { addDemoConsent } from "./demo-consent.ts";

export const DEMO_EXTRACT = path.resolve(import.meta.dirname, "../../prisma/demo/case-records.json");

const actor: SystemActor = { userId: null, role: "system", displayName: "Demo set-up" };

/**
 * Demo data belongs only in a database that holds no children and no users: a council's own
 * records are never mixed with made-up ones. Returns the demo sign-ins when the database holds
 * the demo (loaded now or on an earlier start), otherwise nothing.
 */
export async function loadDemoData(input: { db: Db; files: FileStore; clock: Clock; raw?: Buffer }): Promise<DemoAccount[]> {
  const { db, files, clock } = input;
  const raw = input.raw ?? fs.readFileSync(DEMO_EXTRACT);
  if (await holdsDemo(db, raw)) return createDemoAccounts({ db, clock });
  if (!(await isEmpty(db))) return [];
  const result = await importRecords({ db, files, clock, actor, raw, fileName: "demo" });
  if (!result.ok) throw new Error(`the demo extract did not import (${result.problems.length} problems)`);
  const accounts = await createDemoAccounts({ db, clock });
  await addDemoConsent({ db, clock });
  return accounts;
}

// The demo extract was imported here: its exact bytes are on record as a successful import.
async function holdsDemo(db: Db, raw: Buffer): Promise<boolean> {
  const sha256 = createHash("sha256").update(raw).digest("hex");
  return (await db.importRun.count({ where: { sha256, status: "succeeded" } })) > 0;
}

async function isEmpty(db: Db): Promise<boolean> {
  const [children, users] = await Promise.all([db.child.count(), db.user.count()]);
  return children === 0 && users === 0;
}
