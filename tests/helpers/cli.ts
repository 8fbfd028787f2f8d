import { spawn } from "node:child_process";
import path from "node:path";
import { connect, type Connection } from "../../lib/db/connect.ts";

// Command-line scripts as an operator runs them: a real process on a PGlite data folder of its
// own (no DATABASE_URL), with whatever standard input the test gives.

export const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export type Run = { code: number | null; stdout: string; stderr: string };

export function runScript(script: string, args: string[], dataDir: string, stdin = ""): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return runProcess(script, args, env, stdin);
}

/** A script as a real process with exactly this environment (production mode). */
export function runProcess(script: string, args: string[], env: NodeJS.ProcessEnv, stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--conditions=react-server", script, ...args], { cwd: root, env: { ...env, NODE_ENV: "production" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Opens the data folder (only while no command runs: PGlite allows one opener). */
export async function withDataFolder<T>(dataDir: string, fn: (c: Connection) => Promise<T>): Promise<T> {
  const conn = await connect({ kind: "pglite", dir: path.join(dataDir, "db") });
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}
