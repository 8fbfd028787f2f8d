// Starts the built portal for browser tests on a fresh embedded database or a fresh PostgreSQL
// database, with the demo data loaded. Used by .config/playwright.config.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const kind = process.argv[2];
const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rt-e2e-${kind}-`));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: "on", NODE_ENV: "production" };
let dropDatabase = async () => {};

if (kind === "postgres") {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is needed for the postgres browser tests");
  const name = `rt_e2e_${randomBytes(5).toString("hex")}`;
  await sql(admin, `CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.href;
  dropDatabase = () => sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  // No clamd here: on PostgreSQL uploads are refused without a scanner unless the operator says
  // off. The browser tests send files on both databases; tests/integration scan with a real clamd.
  env.CLAMAV_URL ||= "off";
} else {
  delete env.DATABASE_URL;
}

const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { cwd: root, env, stdio: "inherit" });
const stop = async () => {
  server.kill("SIGTERM");
  await dropDatabase().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", async (code) => {
  await dropDatabase().catch(() => {});
  process.exit(code ?? 0);
});

async function sql(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
