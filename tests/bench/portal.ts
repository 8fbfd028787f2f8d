// What the HTTP benchmarks share: a fresh PostgreSQL database, the production portal started as
// `npm start` starts it (scripts/start.ts), signing in over HTTP, clean-up that runs however the
// run ends, and the small statistics they print.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type autocannon from "autocannon";
import pg from "pg";
import { findPostgres } from "../../scripts/lib/postgres.ts";

export const root = path.resolve(import.meta.dirname, "../..");

// ───────────────────────────── clean-up ─────────────────────────────

export type Cleanups = { push(fn: () => Promise<void> | void): void; run(): Promise<void> };

/** Steps undone in reverse order, once, at the end or on Ctrl-C. */
export function createCleanups(): Cleanups {
  const steps: (() => Promise<void> | void)[] = [];
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= (async () => {
      for (const fn of steps.reverse()) {
        try {
          await fn();
        } catch (error) {
          console.error("cleanup:", error instanceof Error ? error.message : error);
        }
      }
    })();
    return running;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void run().then(() => process.exit(130)));
  }
  return { push: (fn) => void steps.push(fn), run };
}

/** `--rebuild`: runs `next build` whatever the timestamps say. */
export function rebuildIfAsked() {
  if (!process.argv.includes("--rebuild")) return;
  console.log("Building the portal (next build, --rebuild)…");
  const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}

// ───────────────────────────── database ─────────────────────────────

/** An empty database on the PostgreSQL server the tests use (TEST_DATABASE_URL), dropped at the end. */
export async function freshDatabase(cleanups: Cleanups, prefix = "rt_bench"): Promise<{ url: string; version: string }> {
  const server = await findPostgres();
  if (!server) throw new Error("no PostgreSQL: set TEST_DATABASE_URL or install PostgreSQL");
  cleanups.push(() => server.stop());
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await sql(server.url, `CREATE DATABASE "${name}"`);
  cleanups.push(async () => void (await sql(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const version = await sql(server.url, "SHOW server_version");
  console.log(`PostgreSQL ${version} at ${url.host}, database ${name}`);
  return { url: url.href, version };
}

/** One statement on its own connection; the first column of the first row, as text. */
export async function sql(url: string, statement: string, values: unknown[] = []): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(statement, values);
    const row = result.rows?.[0] as Record<string, unknown> | undefined;
    return row ? String(Object.values(row)[0]) : "";
  } finally {
    await client.end();
  }
}

// ───────────────────────────── portal ─────────────────────────────

export type Portal = { base: string; child: ChildProcess; log: string[]; stop(): Promise<void> };

/**
 * The production portal on a free port against `databaseUrl`, as `npm start` runs it (building
 * first when the sources are newer than .next/BUILD_ID); stopped, with next, at clean-up if not
 * before. Each has its own data folder, so its own session secret: sign in to each.
 */
export async function launchPortal(input: { databaseUrl: string; cleanups: Cleanups }): Promise<Portal> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-bench-"));
  input.cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting the portal on ${base} (scripts/start.ts builds first if sources are newer than .next/BUILD_ID)…`);
  const started = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: input.databaseUrl, DEMO_DATA: "off", DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_URL: base, NODE_ENV: "production",
  };
  for (let attempt = 1; ; attempt++) {
    const portal = startPortal(env);
    input.cleanups.push(() => stopPortal(portal.child));
    try {
      await waitUntilUp(`${base}/signin`, portal, 15 * 60_000);
      console.log(`Portal up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { base, child: portal.child, log: portal.log, stop: () => stopPortal(portal.child) };
    } catch (error) {
      // Someone else's `next build` holds the build lock: wait for it, then start again.
      if (attempt >= 60 || !portal.log.some((l) => l.includes("Another next build process is already running"))) throw error;
      console.log("  (another next build is running; trying again in 10 s)");
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
}

function startPortal(env: NodeJS.ProcessEnv) {
  // Its own process group, so stopping it stops next as well; output kept for a failure report.
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  let ready = false;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (log.length > 200) log.shift();
      // Show the build and start-up as they happen; keep quiet once measuring.
      if (!ready) console.log(`  | ${line}`);
      else if (/error/i.test(line)) console.error(`  portal: ${line}`);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, log, markReady: () => void (ready = true) };
}

async function waitUntilUp(url: string, portal: ReturnType<typeof startPortal>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (portal.child.exitCode !== null) throw new Error(`the portal exited (${portal.child.exitCode}):\n${portal.log.join("\n")}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status === 200) {
        portal.markReady();
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the portal did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function stopPortal(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  group("SIGTERM");
  const timer = setTimeout(() => group("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The build the portal serves, to tell whether someone rebuilt it mid-run. */
export function buildId(): string {
  const stamp = path.join(root, ".next/BUILD_ID");
  return fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8").trim() : "(rebuilding)";
}

// ───────────────────────────── sign-in ─────────────────────────────

/** next-auth's credentials flow: a CSRF token, then the callback; returns the Cookie header to send. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
    redirect: "manual",
  });
  take(res);
  const session = jar.get("rt.session");
  if (!session) throw new Error(`sign-in failed (${res.status}): no rt.session cookie`);
  return `rt.session=${session}`;
}

// ───────────────────────────── figures ─────────────────────────────

/** Requests answered per second over the whole run (autocannon's own mean is of per-second buckets). */
export function rps(r: autocannon.Result): number {
  return r.requests.total / r.duration;
}

/** Responses that were not 2xx, failed, timed out or lacked their marker. */
export function badResponses(r: autocannon.Result): number {
  return r.non2xx + r.errors + r.timeouts + r.mismatches;
}

export function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function intEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
  return n;
}

export type Check = { what: string; value: string; limit: string; pass: boolean };

/** PASS or FAIL per check; the number that failed. */
export function printChecks(checks: Check[], width = 62): number {
  console.log("\nRequirement");
  for (const c of checks) console.log(`  ${c.pass ? "PASS" : "FAIL"}  ${c.what.padEnd(width)} ${c.value.padStart(7)}  (${c.limit})`);
  const failed = checks.filter((c) => !c.pass).length;
  console.log(failed ? `\n${failed} check(s) FAILED` : "\nAll checks passed");
  return failed;
}
