import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The portal as an operator runs it: `npm start` on a data folder of its own, a command-line
// tool used while it runs, and a stop with SIGTERM that takes the server down with it.

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const ports = { pglite: Number(process.env.E2E_PORT_OPS_PGLITE ?? 3321), postgres: Number(process.env.E2E_PORT_OPS_POSTGRES ?? 3322) };

test("a running portal: admin commands work without stopping it, SIGTERM stops everything it started, and the audit chain is checkpointed", async ({}, info) => {
  const kind = info.project.name as "pglite" | "postgres";
  const port = ports[kind];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-ops-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), DEMO_DATA: "on", NODE_ENV: "production" };
  const dropDb = kind === "postgres" ? useFreshDatabase(env) : () => {};
  delete env.NEXTAUTH_URL;
  // As `npm start` runs it.
  const portal = spawn("npm", ["start"], { cwd: root, env, stdio: "ignore", detached: true });
  try {
    await waitFor(() => answers(port), true, 180_000);

    const disable = spawnSync(tsx, ["--conditions=react-server", "scripts/accounts.ts", "disable", "--username", "imran"], { cwd: root, env, encoding: "utf8" });
    expect(disable.stderr).toBe("");
    expect(disable.stdout.trim()).toBe('Disabled "imran"; ended 0 session(s).');
    expect(disable.status).toBe(0);

    process.kill(portal.pid!, "SIGTERM");
    await waitFor(() => answers(port), false, 20_000);
    await waitFor(async () => processGroupAlive(portal), false, 20_000);
    expect(fs.existsSync(path.join(dataDir, "db", "portal.lock"))).toBe(false);

    // The audit chain's head was signed at start and at stop, and the chain checks out.
    const checkpoints = fs.readFileSync(path.join(dataDir, "audit-checkpoints.log"), "utf8").trim().split("\n");
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    const verify = spawnSync(tsx, ["--conditions=react-server", "scripts/audit-verify.ts"], { cwd: root, env, encoding: "utf8" });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  } finally {
    if (processGroupAlive(portal)) process.kill(-portal.pid!, "SIGKILL");
    dropDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("every page carries its own script nonce, and pages work under that policy", async ({ page, request }) => {
  const [a, b] = [await request.get("/signin"), await request.get("/signin")];
  const policy = a.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("form-action 'self'");
  expect(policy).not.toBe(b.headers()["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const refused: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
  await page.goto("/signin");
  await page.getByLabel("Username").fill("amira");
  await page.getByLabel("Password").fill("amira-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(refused).toEqual([]);
});

function useFreshDatabase(env: NodeJS.ProcessEnv): () => void {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `rt_ops_${randomBytes(5).toString("hex")}`;
  psql(admin, `CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.href;
  return () => psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

function psql(url: string, sql: string) {
  const run = spawnSync(process.execPath, ["-e", `const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end())`, url, sql], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
}

async function answers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/signin`)).ok;
  } catch {
    return false;
  }
}

function processGroupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, want: boolean, ms: number) {
  const until = Date.now() + ms;
  while ((await check()) !== want) {
    if (Date.now() > until) throw new Error(`still ${!want} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
