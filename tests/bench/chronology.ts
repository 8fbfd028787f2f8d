// `npm run bench`: the chronology's performance requirement, measured on PostgreSQL.
//
//   - the chronology page of a 10,000-entry record serves at least 0.8× the requests per second of
//     the same page for a 100-entry record, and at least 0.5× those of an empty signed-in page
//     (/account), measured side by side in one run;
//   - so does the chronology page of a 10,000-entry record that holds no case summary (the
//     "latest case summary" then finds nothing, and must not look through every entry to say so);
//   - the first-load JavaScript of the chronology and entry pages is at most 1.15× that of the
//     empty page of the same build.
//
// It starts the production portal (scripts/start.ts, which builds first when the sources are
// newer than .next/BUILD_ID) on a fresh PostgreSQL database, seeds three records, signs in over
// HTTP as a parent of the three children, then loads the four pages in interleaved rounds and takes
// each page's median. Every response must be 200 and contain the page's own marker. Prints the
// figures, PASS or FAIL per threshold, exits non-zero on any FAIL, and always cleans up.
//
// Settings (environment): BENCH_ROUNDS (5), BENCH_SECONDS per page per round (10),
// BENCH_CONNECTIONS (8), BENCH_LARGE (10000, also the no-summary record), BENCH_SMALL (100).
// `npm run bench -- --rebuild` runs `next build` first whatever the timestamps say; `-- --explain`
// prints every record page's SQL with EXPLAIN ANALYZE, as a parent and as a child, instead of load
// testing (tests/bench/explain.ts). TEST_DATABASE_URL picks the server.
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { connect } from "../../lib/db/connect.ts";
import { explainChronology } from "./explain.ts";
import { badResponses, buildId, createCleanups, freshDatabase, intEnv, launchPortal, medianOf, printChecks, rebuildIfAsked, rps, signIn, type Check } from "./portal.ts";
import { seed, type Seeded } from "./seed.ts";

const ROUNDS = intEnv("BENCH_ROUNDS", 5);
const SECONDS = intEnv("BENCH_SECONDS", 10);
const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 8);
const LARGE = intEnv("BENCH_LARGE", 10_000);
const SMALL = intEnv("BENCH_SMALL", 100);
const THRESHOLD = { largeVsSmall: 0.8, largeVsEmpty: 0.5, js: 1.15 };

type Target = { label: string; path: string; marker: string };

const cleanups = createCleanups();

try {
  if (process.argv.includes("--explain")) await explainChronology({ large: LARGE, small: SMALL, bare: LARGE });
  else process.exitCode = await main();
} catch (error) {
  console.error("\nbench: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanups.run();
}

async function main(): Promise<number> {
  rebuildIfAsked();

  // 1. A fresh database on the PostgreSQL server the tests use.
  const { url, version } = await freshDatabase(cleanups);

  // 2. Migrate and seed before the portal starts (its own start-up then finds nothing to do).
  const started = Date.now();
  const conn = await connect({ kind: "postgres", url });
  let seeded: Seeded;
  try {
    await conn.migrate();
    seeded = await seed(conn.prisma, { large: LARGE, small: SMALL, bare: LARGE });
  } finally {
    await conn.close();
  }
  console.log(`Seeded ${LARGE} + ${SMALL} + ${LARGE} (no case summary) entries in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 3. The production portal, as `npm start` runs it.
  const { base } = await launchPortal({ databaseUrl: url, cleanups });

  // 4. Sign in over HTTP (next-auth's credentials endpoint) and check each page once.
  const cookie = await signIn(base, seeded.user.username, seeded.user.password);
  const { large, small, bare } = seeded;
  const targets = {
    large: { label: `chronology, ${LARGE.toLocaleString("en-GB")} entries`, path: `/records/${large.childId}`, marker: large.newestVisible.title },
    bare: { label: `chronology, ${LARGE.toLocaleString("en-GB")}, no summary`, path: `/records/${bare.childId}`, marker: bare.newestVisible.title },
    small: { label: `chronology, ${SMALL.toLocaleString("en-GB")} entries`, path: `/records/${small.childId}`, marker: small.newestVisible.title },
    empty: { label: "/account (empty signed-in page)", path: "/account", marker: "Your account" },
  } satisfies Record<string, Target>;
  const entry: Target = { label: "entry page", path: `/records/${large.childId}/entries/${large.newestVisible.id}`, marker: large.newestVisible.title };
  for (const t of [...Object.values(targets), entry]) {
    const html = await getPage(base, t, cookie);
    const cards = (html.match(/class="entry-card/g) ?? []).length;
    console.log(`  ok ${t.path}  (${(html.length / 1024).toFixed(1)} KiB HTML${t === entry ? "" : `, ${cards} entries listed`})`);
  }

  // 5. First-load JavaScript of each page, while the build is the one just checked.
  // Someone else's `next build` mid-run would change what is served: reported as a failed check.
  const build = buildId();
  const js = new Map<Target, { files: number; raw: number; gzip: number }>();
  for (const t of [targets.large, entry, targets.empty]) js.set(t, await firstLoadJs(base, t, cookie));

  // 6. Requests per second, interleaved: each round runs every page once, starting one further on.
  const order = [targets.large, targets.bare, targets.small, targets.empty];
  console.log(`\nWarming up (${Math.max(2, Math.round(SECONDS / 2))} s per page)…`);
  for (const t of order) await load(base, t, cookie, Math.max(2, Math.round(SECONDS / 2)));
  const runs = new Map<Target, autocannon.Result[]>(order.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < order.length; k++) {
      const t = order[(round + k) % order.length];
      const result = await load(base, t, cookie, SECONDS);
      runs.get(t)!.push(result);
      process.stdout.write(`  round ${round + 1}/${ROUNDS} ${t.label.padEnd(34)} ${rps(result).toFixed(1).padStart(8)} req/s\n`);
    }
  }

  // 7. The report.
  const checks: Check[] = [];
  const median = (t: Target) => medianOf(runs.get(t)!.map(rps));
  const failures = [...runs.values()].flat().reduce((n, r) => n + badResponses(r), 0);
  console.log(`\nRequests per second — PostgreSQL ${version}, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per page, interleaved`);
  console.log(`${"page".padEnd(34)} ${"rounds".padEnd(44)} ${"median".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"requests".padStart(9)} ${"bad".padStart(4)}`);
  for (const t of order) {
    const rs = runs.get(t)!;
    const bad = rs.reduce((n, r) => n + badResponses(r), 0);
    const total = rs.reduce((n, r) => n + r.requests.total, 0);
    console.log(
      `${t.label.padEnd(34)} ${rs.map((r) => rps(r).toFixed(1).padStart(8)).join("").padEnd(44)} ${median(t).toFixed(1).padStart(8)} ` +
        `${medianOf(rs.map((r) => r.latency.p50)).toFixed(0).padStart(7)} ${medianOf(rs.map((r) => r.latency.p99)).toFixed(0).padStart(7)} ${String(total).padStart(9)} ${String(bad).padStart(4)}`,
    );
  }
  const ratio = (what: string, a: number, b: number, min: number) =>
    checks.push({ what, value: (a / b).toFixed(2), limit: `≥ ${min.toFixed(2)}`, pass: a / b >= min });
  ratio(`${targets.large.label} ÷ ${targets.small.label}`, median(targets.large), median(targets.small), THRESHOLD.largeVsSmall);
  ratio(`${targets.large.label} ÷ /account`, median(targets.large), median(targets.empty), THRESHOLD.largeVsEmpty);
  ratio(`${targets.bare.label} ÷ ${targets.small.label}`, median(targets.bare), median(targets.small), THRESHOLD.largeVsSmall);
  ratio(`${targets.bare.label} ÷ /account`, median(targets.bare), median(targets.empty), THRESHOLD.largeVsEmpty);
  checks.push({ what: "responses not 200 or without their marker", value: String(failures), limit: "= 0", pass: failures === 0 });

  const empty = js.get(targets.empty)!;
  console.log(`\nFirst-load JavaScript (every <script src> and preloaded script under /_next/static, fetched once)`);
  console.log(`${"page".padEnd(34)} ${"files".padStart(5)} ${"raw KiB".padStart(9)} ${"gzip KiB".padStart(9)} ${"× raw".padStart(7)} ${"× gzip".padStart(7)}`);
  for (const [t, size] of js) {
    const label = t === entry ? "entry page (10k record)" : t === targets.large ? "chronology page (10k record)" : t.label;
    console.log(
      `${label.padEnd(34)} ${String(size.files).padStart(5)} ${(size.raw / 1024).toFixed(1).padStart(9)} ${(size.gzip / 1024).toFixed(1).padStart(9)} ` +
        `${(size.raw / empty.raw).toFixed(3).padStart(7)} ${(size.gzip / empty.gzip).toFixed(3).padStart(7)}`,
    );
    if (t === targets.empty) continue;
    const name = t === entry ? "entry page" : "chronology page";
    for (const kind of ["raw", "gzip"] as const) {
      const r = size[kind] / empty[kind];
      checks.push({ what: `${name} JS ÷ /account JS (${kind})`, value: r.toFixed(3), limit: `≤ ${THRESHOLD.js.toFixed(2)}`, pass: r <= THRESHOLD.js });
    }
  }

  // Paired per round, so a machine that gets busier or quieter mid-run shows up here.
  const paired = (a: Target, b: Target) => medianOf(runs.get(a)!.map((r, i) => rps(r) / rps(runs.get(b)![i]))).toFixed(2);
  console.log(
    `(median of per-round ratios: 10k ÷ 100 ${paired(targets.large, targets.small)}, 10k ÷ /account ${paired(targets.large, targets.empty)}, ` +
      `10k no summary ÷ 100 ${paired(targets.bare, targets.small)}, 10k no summary ÷ /account ${paired(targets.bare, targets.empty)})`,
  );
  const same = buildId() === build;
  checks.push({ what: "the build stayed the same through the run", value: same ? "yes" : "no", limit: "yes", pass: same });

  return printChecks(checks) ? 1 : 0;
}

// ───────────────────────────── load ─────────────────────────────

function load(base: string, t: Target, cookie: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: base + t.path,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie, "accept-language": "en-GB" },
    verifyBody: (body) => typeof body === "string" && body.includes(t.marker),
  });
}

async function getPage(base: string, t: Target, cookie: string): Promise<string> {
  const res = await fetch(base + t.path, { headers: { cookie, "accept-language": "en-GB" }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}, not 200`);
  if (!html.includes(t.marker)) throw new Error(`${t.path} does not contain "${t.marker}"`);
  return html;
}

// ───────────────────────────── first-load JavaScript ─────────────────────────────

async function firstLoadJs(base: string, t: Target, cookie: string) {
  const html = await getPage(base, t, cookie);
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith("<script");
    const isPreload = /\brel="modulepreload"/.test(tag) || (/\brel="preload"/.test(tag) && /\bas="script"/.test(tag));
    if (!isScript && !isPreload) continue;
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (src && src.replace(/&amp;/g, "&").startsWith("/_next/static/")) urls.add(src.replace(/&amp;/g, "&"));
  }
  // Client components' chunks named in the inline React Server Components payload are loaded
  // while the page hydrates, so they count too.
  for (const m of html.matchAll(/\/_next\/static\/chunks\/[\w\-.~]+\.js/g)) urls.add(m[0]);
  let raw = 0;
  let gzip = 0;
  for (const src of urls) {
    const res = await fetch(base + src);
    if (res.status !== 200) throw new Error(`${src} answered ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: urls.size, raw, gzip };
}
