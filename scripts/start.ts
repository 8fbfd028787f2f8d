// `npm start`: everything a new user needs in one command. Creates the data folder and a secret,
// migrates the database, loads demo data on first run, builds when the sources changed, serves.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
const port = process.env.PORT ?? "3000";

fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET ??= readOrCreateSecret(path.join(dataDir, "auth-secret"));
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const { prepareDatabase } = await import("./prepare-database.ts");
const { connect, socketUrl } = await import("../lib/db/connect.ts");
const { configuredTarget } = await import("../lib/db/index.ts");
const { startAuditCheckpoints } = await import("../lib/audit/checkpoints.ts");
const { startNewsPruning } = await import("../lib/news/prune.ts");
const { startNotificationSender } = await import("../lib/notifications/index.ts");
const { env } = await import("../lib/env.ts");
const { scanningWarning } = await import("../lib/uploads/scanner.ts");

// This process owns the database while the portal runs. The embedded one is served over a
// private socket in DATA_DIR, so the portal and the command-line tools share it.
const target = configuredTarget();
const owner = await connect(target);
const demoSignIns = await prepareDatabase(owner);
const host = owner.serve ? await owner.serve() : null;
if (!host) await owner.close();

// The audit chain's head, signed with a key the database does not hold: now, then hourly. Once
// served, the embedded database is used through its socket like everyone else's.
const auditDb = await connect(host && target.kind === "pglite" ? { kind: "postgres", url: socketUrl(target.dir!) } : target);
const stopAuditCheckpoints = startAuditCheckpoints({ db: auditDb.prisma });
// "What's new" keeps a year: older items are deleted now and then hourly, over the same connection.
const stopNewsPruning = startNewsPruning({ db: auditDb.prisma });
// Notification emails in the outbox go out from here too, over the same connection, when
// SMTP_URL is set. Every node runs a sender; their claims keep them from sending one twice.
const stopNotifications = env.SMTP_URL
  ? startNotificationSender({ db: auditDb.prisma, smtpUrl: env.SMTP_URL, baseUrl: process.env.NEXTAUTH_URL, from: env.MAIL_FROM })
  : async () => {};

if (!dev && needsBuild()) {
  console.log("Building the portal (first run or sources changed)…");
  const build = spawnSync(nextBin(), ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) await stop(build.status ?? 1);
}

// Node itself runs the server (tsx only as a loader): a wrapper process between would stand in
// the way of the stop signal.
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
  cwd: root,
  // The IPC channel tells the server when this process has gone, however it went.
  stdio: ["inherit", "inherit", "inherit", "ipc"],
  env: { ...process.env, NODE_ENV: dev ? "development" : "production" },
});
console.log(`\nRecord Together is starting on ${process.env.NEXTAUTH_URL}`);
const SCANNING_WARNINGS = {
  missing: "uploaded files are REFUSED: no virus scanner is set up. Set CLAMAV_URL to clamd (tcp://host:3310 or a socket path), or CLAMAV_URL=off to accept files unscanned.",
  off: "uploaded files are NOT scanned for viruses (CLAMAV_URL=off). Set CLAMAV_URL to clamd to scan them.",
  embedded: "uploaded files are NOT scanned for viruses (demo on the embedded database, CLAMAV_URL unset). Set CLAMAV_URL to clamd to scan them.",
} as const;

// Said at every start, and on the admin's home: files that are not scanned, or cannot be sent.
const unscanned = scanningWarning();
if (unscanned) console.warn(`\nWarning: ${SCANNING_WARNINGS[unscanned]}`);
if (demoSignIns.length) {
  console.log("\nDemo sign-ins (demo data only):");
  for (const a of demoSignIns) console.log(`  ${a.role.padEnd(11)} ${a.username.padEnd(10)} ${a.password.padEnd(24)} ${a.description}`);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => void stop(code ?? 0));

// The server has stopped (or never started): let go of the database, then leave.
async function stop(code: number): Promise<never> {
  await stopNotifications();
  await stopNewsPruning();
  await stopAuditCheckpoints();
  await auditDb.close();
  await host?.close();
  if (host) await owner.close();
  process.exit(code);
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function nextBin() {
  return path.join(root, "node_modules", ".bin", "next");
}

// Rebuild when any source is newer than the last build.
function needsBuild(): boolean {
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ["app", "components", "lib", "locales", "public", "next.config.js", "package-lock.json"];
  return sources.some((s) => newerThan(path.join(root, s), built));
}

function newerThan(p: string, time: number): boolean {
  if (!fs.existsSync(p)) return false;
  const stat = fs.statSync(p);
  if (stat.mtimeMs > time) return true;
  if (!stat.isDirectory()) return false;
  return fs.readdirSync(p).some((name) => name !== "generated" && newerThan(path.join(p, name), time));
}
