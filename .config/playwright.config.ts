import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One project per database; each gets its own server started by scripts/e2e-server.ts
// (fresh data folder or database, demo data loaded). Chromium comes from the system.
const root = path.resolve(import.meta.dirname, "..");
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ports = { pglite: Number(process.env.E2E_PORT_PGLITE ?? 3311), postgres: Number(process.env.E2E_PORT_POSTGRES ?? 3312) };
const kinds = withPostgres ? (["pglite", "postgres"] as const) : (["pglite"] as const);

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

// Checks of how pages look and read (languages, layout at phone widths, wording, the quick exit,
// the idle warning, cross-site refusals): they write nothing a database engine could answer
// differently, so they run once, on PGlite. Every journey that writes runs on both databases.
const PAGE_ONLY = [
  "**/languages.spec.ts", "**/urdu-layout.spec.ts", "**/my-record-languages.spec.ts", "**/reader-wording.spec.ts",
  "**/glossary.spec.ts", "**/quick-exit.spec.ts", "**/idle.spec.ts", "**/cross-site.spec.ts",
];

export default defineConfig({
  testDir: path.join(root, "tests/e2e"),
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Two servers, two browsers and argon2 sign-ins share 2 cores, and CI may share them with other
  // work: a page that answers in 1 s alone can take 15 s then, and a journey that signs in three
  // people several minutes. These are ceilings, not waits: every step waits for what it needs
  // (a URL, a heading, a message) and moves on as soon as it is there, so they cost a passing run
  // nothing. Set once here rather than test by test.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["json"]],
  use: { ...devices["Desktop Chrome"], launchOptions, trace: "retain-on-failure" },
  // Each server's demo staff first get a trusted browser (tests/e2e/trusted-browsers.setup.ts), so
  // tests signing them in never type a security code (nor replay one another's).
  projects: kinds.flatMap((kind) => [
    { name: `${kind}-setup`, testMatch: /\.setup\.ts$/, use: { baseURL: `http://localhost:${ports[kind]}` } },
    { name: kind, dependencies: [`${kind}-setup`], use: { baseURL: `http://localhost:${ports[kind]}` }, testIgnore: kind === "postgres" ? PAGE_ONLY : [] },
  ]),
  webServer: kinds.map((kind) => ({
    command: `node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts ${kind}`,
    cwd: root,
    url: `http://localhost:${ports[kind]}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(ports[kind]) },
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
