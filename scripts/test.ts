// `npm test`: every check — types and lint, unit and integration tests on PGlite and PostgreSQL,
// browser tests in Chromium on both databases — then one closing line "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, HOW_TO_GET_CHROMIUM } from "./lib/chromium.ts";
import { findPostgres } from "./lib/postgres.ts";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".tmp");
fs.mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${label}`);
  return spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

function check(label: string, cmd: string, args: string[]) {
  const ok = run(label, cmd, args) === 0;
  totals[ok ? "passed" : "failed"] += 1;
  return ok;
}

const postgres = await findPostgres();
if (!postgres) console.log("No PostgreSQL found: database tests run on PGlite only.");
const dbEnv: Record<string, string> = postgres ? { TEST_DATABASE_URL: postgres.url } : {};

try {
  check("Type check", bin("tsc"), ["--noEmit"]);
  check("Lint", bin("eslint"), ["--config", ".config/eslint.config.js", "."]);

  // The production build runs alongside the unit and integration tests: much of their time is
  // spent waiting on databases and child processes, and the browser tests need both done.
  const building = buildInBackground();
  const vitestJson = path.join(out, "vitest.json");
  fs.rmSync(vitestJson, { force: true });
  run("Unit and integration tests", bin("vitest"), ["run", "--config", ".config/vitest.config.ts",
    "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], dbEnv);
  countVitest(vitestJson);
  const built = await building;

  const chromium = findChromium();
  if (!chromium) {
    console.error(`\n✖ ${HOW_TO_GET_CHROMIUM}`);
    totals.failed += 1;
  } else if (built) {
    const pwJson = path.join(out, "playwright.json");
    fs.rmSync(pwJson, { force: true });
    run("Browser tests", bin("playwright"), ["test", "--config", ".config/playwright.config.ts"],
      { ...dbEnv, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
    countPlaywright(pwJson);
  }
} finally {
  postgres?.stop();
}

// A skipped test proves nothing, so it counts as a failure.
if (totals.skipped) console.log(`\n${totals.skipped} tests were skipped; each counts as failed.`);
totals.failed += totals.skipped;
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

/** `next build` in the background, its output kept in .tmp/build.log and shown once it ends; counted as one check. */
function buildInBackground(): Promise<boolean> {
  const logFile = path.join(out, "build.log");
  const logFd = fs.openSync(logFile, "w");
  const child = spawn(bin("next"), ["build"], { cwd: root, stdio: ["ignore", logFd, logFd], env: process.env });
  return new Promise((resolve) => {
    child.on("close", (status) => {
      fs.closeSync(logFd);
      console.log("\n▶ Build (ran alongside the tests above)");
      process.stdout.write(fs.readFileSync(logFile, "utf8"));
      const ok = status === 0;
      totals[ok ? "passed" : "failed"] += 1;
      resolve(ok);
    });
  });
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return void (totals.failed += 1);
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return void (totals.failed += 1);
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}
