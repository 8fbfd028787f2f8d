// Finds a PostgreSQL server for the tests: TEST_DATABASE_URL, else the machine's own on
// 127.0.0.1:5432, else a throw-away server started from the local PostgreSQL binaries.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Postgres = { url: string; stop(): void } | null;

export async function findPostgres(): Promise<Postgres> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop() {} };
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await answers(local)) return { url: local, stop() {} };
  return startThrowaway();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function binDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const version = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(base, version, "bin") : null;
}

async function startThrowaway(): Promise<Postgres> {
  const bin = binDir();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-pg-"));
  fs.chmodSync(dir, 0o777);
  const port = String(55000 + Math.floor(Math.random() * 5000));
  // PostgreSQL refuses to run as root: run it as nobody when we are root.
  const asUser = (cmd: string[]) =>
    process.getuid?.() === 0 ? ["su", "nobody", "-s", "/bin/sh", "-c", cmd.map((a) => `'${a}'`).join(" ")] : cmd;
  const run = (cmd: string[]) => {
    const [file, ...args] = asUser(cmd);
    const r = spawnSync(file, args, { stdio: "pipe" });
    if (r.status !== 0) throw new Error(`${cmd[0]} failed: ${r.stderr}`);
  };
  run([`${bin}/initdb`, "-A", "trust", "-U", "postgres", "-D", `${dir}/data`]);
  const opts = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-o", opts, "-l", `${dir}/log`, "-w", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop() {
      try {
        const [file, ...args] = asUser([`${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "immediate", "stop"]);
        execFileSync(file, args, { stdio: "ignore" });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
