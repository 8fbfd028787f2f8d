// `npm run bench:contributions` (part of `npm run bench`): "My voice" (#7), measured on PostgreSQL.
//
//   - the home page of a caseworker whose children have sent 10,000 contributions (the inbox, 20 a
//     page) serves at least 0.8× the requests per second of the same page for a caseworker whose
//     children have sent 100, measured side by side in one run;
//   - sending a contribution with a 5 MB photo through the real form, as a browser with JavaScript
//     off does, in milliseconds (figure only);
//   - the server's resident memory while 10 photos are sent at once: before, at its peak and the
//     difference, and how long the 10 took (figures only: how much memory sharp and the uploads
//     need depends on the machine's threads and allocator, so no limit is set).
//
// It starts the production portal (scripts/start.ts, which builds first when the sources are
// newer than .next/BUILD_ID) on a fresh PostgreSQL database seeded with two caseloads of the same
// number of children (tests/bench/contributions-seed.ts), signs in over HTTP as each caseworker
// and loads `/` in interleaved rounds, taking each page's median; every response must be 200 and
// hold the inbox's heading and that caseworker's newest contribution. Then, signed in as
// children of the large caseload, it fetches the send form each time (a fresh submission key),
// takes the hidden fields React renders for the server action, and posts multipart/form-data with
// a photo (tests/bench/photo.ts: 12 megapixels, about 5 MB, with GPS and orientation; a different
// one each time, since the portal stores identical bytes once), the portal's own Origin, and
// intent=send; a success is a 303 to the contribution's "sent" page. One warm-up send is not
// counted. The 10 at once are sent by 10 different children to a portal started afresh (after one
// warm-up send), since the first keeps the memory the inbox load took and the 10 would fit in it;
// the Next.js server's memory (the scripts/serve.ts process under scripts/start.ts) is read from
// /proc every 20 ms, and its high-water mark (VmHWM, reset just before) gives the exact peak. The
// first portal's size after each stage is printed too. Finally the database must hold every send
// with its one photo, re-encoded. Prints the figures and PASS or FAIL per check, exits non-zero on
// any FAIL or error, and always cleans up.
//
// Settings (environment): BENCH_ROUNDS (5), BENCH_SECONDS per page per round (10),
// BENCH_CONNECTIONS (8), BENCH_LARGE (10000), BENCH_SMALL (100), BENCH_CHILDREN per caseworker (10),
// BENCH_SENDS timed one by one (5), BENCH_AT_ONCE (10). `-- --rebuild` runs `next build` first;
// `-- --explain` prints the inbox's SQL with EXPLAIN ANALYZE for both caseworkers instead of load
// testing (tests/bench/contributions-explain.ts).
// TEST_DATABASE_URL picks the PostgreSQL server.
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { connect } from "../../lib/db/connect.ts";
import { explainInbox } from "./contributions-explain.ts";
import { seedContributions, type Caseload, type ContributionsSeeded, type Login } from "./contributions-seed.ts";
import { makePhotos } from "./photo.ts";
import { badResponses, buildId, createCleanups, freshDatabase, intEnv, launchPortal, medianOf, printChecks, rebuildIfAsked, rps, signIn, type Check } from "./portal.ts";
import { findServerPid, readMemory, resetPeak, sampleRss } from "./server-memory.ts";

const ROUNDS = intEnv("BENCH_ROUNDS", 5);
const SECONDS = intEnv("BENCH_SECONDS", 10);
const CONNECTIONS = intEnv("BENCH_CONNECTIONS", 8);
const LARGE = intEnv("BENCH_LARGE", 10_000);
const SMALL = intEnv("BENCH_SMALL", 100);
const CHILDREN = intEnv("BENCH_CHILDREN", 10);
const SENDS = intEnv("BENCH_SENDS", 5);
const AT_ONCE = intEnv("BENCH_AT_ONCE", 10);
const THRESHOLD = { largeVsSmall: 0.8 };
const INBOX_HEADING = "Views and messages"; // locales/en/contributions.json inbox.title
const SAMPLE_MS = 20;

type Target = { label: string; cookie: string; markers: string[] };

const cleanups = createCleanups();

try {
  if (process.argv.includes("--explain")) await explainInbox({ large: LARGE, small: SMALL, children: CHILDREN }, cleanups);
  else process.exitCode = await main();
} catch (error) {
  console.error("\nbench:contributions: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanups.run();
}

async function main(): Promise<number> {
  rebuildIfAsked();
  console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.availableParallelism()} CPUs`);

  // 1. A fresh database, migrated and seeded before the portal starts.
  const { url, version } = await freshDatabase(cleanups, "rt_bench_contrib");
  let started = Date.now();
  const conn = await connect({ kind: "postgres", url });
  let seeded: ContributionsSeeded;
  try {
    await conn.migrate();
    seeded = await seedContributions(conn.prisma, { large: LARGE, small: SMALL, children: CHILDREN });
  } finally {
    await conn.close();
  }
  console.log(`Seeded ${LARGE.toLocaleString("en-GB")} + ${SMALL} sent contributions for two caseworkers of ${CHILDREN} children each in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  // Every send a different photo: the portal stores identical bytes once, and real photos differ.
  const photos = await makePhotos(1 + SENDS + 1 + AT_ONCE);
  const photoSize = medianOf(photos.map((p) => p.length));
  console.log(`Photos: ${photos.length} different 4032 × 3024 JPEGs with GPS and orientation, ${mb(photoSize)} each (made in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // 2. The production portal, as `npm start` runs it.
  const portal = await launchPortal({ databaseUrl: url, cleanups });
  const { base } = portal;
  const build = buildId();
  const serverPid = findServerPid(portal.child.pid!);
  // The server's resident size at each stage (it keeps what it has taken, so each stage starts
  // from what the ones before left).
  const rssAt: [string, number][] = [];
  const note = (stage: string, pid = serverPid) => rssAt.push([stage, readMemory(pid).rss]);
  note("first portal, when up");
  console.log(`Next.js server: pid ${serverPid}, ${mb(rssAt[0]![1])} resident`);

  // 3. The inbox, large and small, side by side.
  const inbox = await measureInbox(base, seeded);
  note("first portal, after the inbox load");

  // 4. Sending with a 5 MB photo, one at a time.
  const sender = seeded.large.children[0]!;
  const senderCookie = await signIn(base, sender.account.username, sender.account.password);
  console.log(`\nSending with the photo as ${sender.account.username} (JavaScript off: the form's own multipart post)…`);
  const warm = await sendOnce(base, sender.id, senderCookie, photos.pop()!);
  console.log(`  warm-up  ${warm.status} in ${warm.ms.toFixed(0)} ms`);
  note("first portal, after the warm-up send");
  const sends: Sent[] = [];
  for (let i = 0; i < SENDS; i++) {
    const sent = await sendOnce(base, sender.id, senderCookie, photos.pop()!);
    sends.push(sent);
    console.log(`  send ${i + 1}/${SENDS}  ${sent.status} in ${sent.ms.toFixed(0)} ms (form page ${sent.formMs.toFixed(0)} ms)`);
  }
  note(`first portal, after ${SENDS} more sends`);

  // 5. Ten at once, from ten children, with the server's memory watched, on a portal started
  // afresh: the first one holds whatever the inbox load and the sends left it (1 GB and more has
  // been seen), and the 10 would then fit in memory it has already taken, showing nothing.
  console.log("\nStarting the portal afresh for the memory figure…");
  await portal.stop();
  const fresh = await launchPortal({ databaseUrl: url, cleanups });
  const freshPid = findServerPid(fresh.child.pid!);
  note("second portal, when up", freshPid);
  const freshCookie = await signIn(fresh.base, sender.account.username, sender.account.password);
  const warmAgain = await sendOnce(fresh.base, sender.id, freshCookie, photos.pop()!); // loads sharp and the action
  console.log(`  warm-up  ${warmAgain.status} in ${warmAgain.ms.toFixed(0)} ms`);
  note("second portal, after its warm-up send", freshPid);
  const together = await sendTogether(fresh.base, seeded.large, photos, freshPid);

  // 6. Every send stored, with its photo re-encoded; nothing else.
  const all = [warm, ...sends, warmAgain, ...together.sends];
  const stored = await storedSends(url, all.map((s) => s.contributionId).filter((id): id is string => id !== null));

  // 7. The report.
  const checks: Check[] = [];
  const ratio = inbox.median.large / inbox.median.small;
  checks.push({ what: `inbox ${LARGE.toLocaleString("en-GB")} ÷ inbox ${SMALL.toLocaleString("en-GB")} (requests per second)`, value: ratio.toFixed(2), limit: `≥ ${THRESHOLD.largeVsSmall.toFixed(2)}`, pass: ratio >= THRESHOLD.largeVsSmall });
  checks.push({ what: "inbox responses not 200 or without their markers", value: String(inbox.bad), limit: "= 0", pass: inbox.bad === 0 });
  const redirected = all.filter((s) => s.contributionId !== null).length;
  checks.push({ what: "sends answered 303 to their \"sent\" page", value: `${redirected}/${all.length}`, limit: "all", pass: redirected === all.length });
  checks.push({ what: "sends stored with one re-encoded JPEG each", value: `${stored}/${all.length}`, limit: "all", pass: stored === all.length });
  const same = buildId() === build;
  checks.push({ what: "the build stayed the same through the run", value: same ? "yes" : "no", limit: "yes", pass: same });

  const sendMs = medianOf(sends.map((s) => s.ms));
  const m = together.memory;
  console.log(`\nSummary — PostgreSQL ${version}, load average now ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} CPUs`);
  const row = (what: string, value: string) => console.log(`  ${what.padEnd(52)} ${value}`);
  row(`inbox, ${LARGE.toLocaleString("en-GB")} contributions (median req/s)`, inbox.median.large.toFixed(1));
  row(`inbox, ${SMALL.toLocaleString("en-GB")} contributions (median req/s)`, inbox.median.small.toFixed(1));
  row("inbox ratio large ÷ small (limit ≥ 0.80)", `${ratio.toFixed(2)} (per-round median ${inbox.paired.toFixed(2)})`);
  row(`send with a ${mb(photoSize)} photo (median of ${SENDS})`, `${sendMs.toFixed(0)} ms (min ${Math.min(...sends.map((s) => s.ms)).toFixed(0)}, max ${Math.max(...sends.map((s) => s.ms)).toFixed(0)})`);
  row(`${AT_ONCE} sends with the photo at once`, `${together.ms.toFixed(0)} ms in all (slowest ${Math.max(...together.sends.map((s) => s.ms)).toFixed(0)} ms)`);
  for (const [stage, rss] of rssAt) row(`server RSS, ${stage}`, mb(rss));
  row(`server RSS, second portal, just before the ${AT_ONCE}`, mb(m.baseline));
  row(`  peak (sampled every ${SAMPLE_MS} ms, ${m.samples} samples)`, mb(m.sampledPeak));
  row("  peak (VmHWM, reset just before)", m.hwmReset ? mb(m.hwm) : `n/a (could not reset; lifetime VmHWM ${mb(m.hwm)})`);
  row(`  peak − just before (no limit set)`, `${mb(m.peak - m.baseline)} (${mb((m.peak - m.baseline) / AT_ONCE)} a photo)`);
  row(`  after the ${AT_ONCE}`, mb(m.after));

  return printChecks(checks) ? 1 : 0;
}

// ───────────────────────────── inbox ─────────────────────────────

async function measureInbox(base: string, seeded: ContributionsSeeded) {
  const target = async (label: string, load: Caseload): Promise<Target> => ({
    label,
    cookie: await signIn(base, load.caseworker.username, load.caseworker.password),
    markers: [INBOX_HEADING, load.newest.body],
  });
  const large = await target(`inbox, ${LARGE.toLocaleString("en-GB")} contributions`, seeded.large);
  const small = await target(`inbox, ${SMALL.toLocaleString("en-GB")} contributions`, seeded.small);
  for (const t of [large, small]) {
    const html = await getHome(base, t);
    const cards = (html.match(/class="entry-card/g) ?? []).length;
    const unread = /(\d[\d,]*) not opened yet/.exec(html)?.[1] ?? "0";
    console.log(`  ok / as ${t.label}  (${(html.length / 1024).toFixed(1)} KiB HTML, ${cards} listed, ${unread} not opened yet)`);
  }

  const order = [large, small];
  const warmSeconds = Math.max(2, Math.round(SECONDS / 2));
  console.log(`\nWarming up (${warmSeconds} s per page)…`);
  for (const t of order) await load(base, t, warmSeconds);
  const runs = new Map<Target, autocannon.Result[]>(order.map((t) => [t, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < order.length; k++) {
      const t = order[(round + k) % order.length]!;
      const result = await load(base, t, SECONDS);
      runs.get(t)!.push(result);
      console.log(`  round ${round + 1}/${ROUNDS} ${t.label.padEnd(30)} ${rps(result).toFixed(1).padStart(8)} req/s`);
    }
  }

  console.log(`\nRequests per second for / — ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per page, interleaved`);
  console.log(`${"page".padEnd(30)} ${"rounds".padEnd(44)} ${"median".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"requests".padStart(9)} ${"bad".padStart(4)}`);
  for (const t of order) {
    const rs = runs.get(t)!;
    const bad = rs.reduce((n, r) => n + badResponses(r), 0);
    const total = rs.reduce((n, r) => n + r.requests.total, 0);
    console.log(
      `${t.label.padEnd(30)} ${rs.map((r) => rps(r).toFixed(1).padStart(8)).join("").padEnd(44)} ${medianOf(rs.map(rps)).toFixed(1).padStart(8)} ` +
        `${medianOf(rs.map((r) => r.latency.p50)).toFixed(0).padStart(7)} ${medianOf(rs.map((r) => r.latency.p99)).toFixed(0).padStart(7)} ${String(total).padStart(9)} ${String(bad).padStart(4)}`,
    );
  }
  return {
    median: { large: medianOf(runs.get(large)!.map(rps)), small: medianOf(runs.get(small)!.map(rps)) },
    // Paired per round, so a machine that gets busier or quieter mid-run shows up here.
    paired: medianOf(runs.get(large)!.map((r, i) => rps(r) / rps(runs.get(small)![i]!))),
    bad: [...runs.values()].flat().reduce((n, r) => n + badResponses(r), 0),
  };
}

function load(base: string, t: Target, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}/`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie: t.cookie, "accept-language": "en-GB" },
    verifyBody: (body) => typeof body === "string" && t.markers.every((m) => body.includes(m)),
  });
}

async function getHome(base: string, t: Target): Promise<string> {
  const res = await fetch(`${base}/`, { headers: { cookie: t.cookie, "accept-language": "en-GB" }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`/ as ${t.label} answered ${res.status}, not 200`);
  for (const m of t.markers) if (!html.includes(m)) throw new Error(`/ as ${t.label} does not contain "${m}"`);
  return html;
}

// ───────────────────────────── sending ─────────────────────────────

type Sent = { status: number; ms: number; formMs: number; contributionId: string | null };
type Form = { path: string; fields: [string, string][]; ms: number };

/** The send form as the server renders it: where it posts and the hidden fields a browser would send. */
async function fetchForm(base: string, childId: string, cookie: string): Promise<Form> {
  const path = `/records/${childId}/contributions/new`;
  const started = performance.now();
  const res = await fetch(base + path, { headers: { cookie, "accept-language": "en-GB" }, redirect: "manual" });
  const html = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}, not 200`);
  // The page has other forms (signing out, the language): take the one holding the submission key.
  const form = html.split(/<form\b/).slice(1).map((f) => `<form${f.slice(0, f.indexOf("</form>"))}`).find((f) => f.includes('name="submissionKey"'));
  if (!form) throw new Error(`${path} has no contribution form`);
  const fields: [string, string][] = [];
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.type === "hidden" && a.name !== undefined) fields.push([a.name, a.value ?? ""]);
  }
  const names = fields.map(([n]) => n);
  for (const needed of ["childId", "submissionKey"]) if (!names.includes(needed)) throw new Error(`${path}: no ${needed} field`);
  if (!names.some((n) => n.startsWith("$ACTION_"))) throw new Error(`${path}: no $ACTION_ fields (the form would not work without JavaScript)`);
  const action = attributes(form.slice(0, form.indexOf(">") + 1)).action;
  return { path: action && action.startsWith("/") ? action : path, fields, ms };
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=<>/"']+)(?:="([^"]*)")?/g)) out[m[1]!] = decodeEntities(m[2] ?? "");
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([\da-f]+)|(quot|amp|lt|gt|apos));/gi, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
  );
}

/** The multipart body a browser sends for "Send": hidden fields first (document order), then what was filled in, then the button. */
function sendBody(form: Form, photo: Buffer): FormData {
  const body = new FormData();
  for (const [name, value] of form.fields) body.append(name, value);
  body.append("kind", "proud");
  body.append("body", "Here is my certificate from the swimming gala. I came second!");
  body.append("files", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), "certificate.jpg");
  body.append("intent", "send");
  return body;
}

async function post(base: string, form: Form, cookie: string, photo: Buffer, childId: string): Promise<Omit<Sent, "formMs">> {
  const body = sendBody(form, photo);
  const started = performance.now();
  const res = await fetch(base + form.path, { method: "POST", headers: { cookie, origin: base, "accept-language": "en-GB" }, body, redirect: "manual" });
  const text = await res.text();
  const ms = performance.now() - started;
  const location = res.headers.get("location") ?? "";
  const id = new RegExp(`/records/${childId}/contributions/([0-9a-f-]{36})/sent$`).exec(location)?.[1] ?? null;
  if (res.status !== 303 || !id) {
    const message = /class="[^"]*alert[^"]*"[^>]*>([^<]*)/.exec(text)?.[1];
    console.error(`  send answered ${res.status}${location ? ` → ${location}` : ""}${message ? `: ${message}` : ""}`);
  }
  return { status: res.status, ms, contributionId: res.status === 303 ? id : null };
}

async function sendOnce(base: string, childId: string, cookie: string, photo: Buffer): Promise<Sent> {
  const form = await fetchForm(base, childId, cookie);
  return { ...(await post(base, form, cookie, photo, childId)), formMs: form.ms };
}

async function sendTogether(base: string, caseload: Caseload, photos: Buffer[], serverPid: number) {
  const senders = Array.from({ length: AT_ONCE }, (_, i) => caseload.children[i % caseload.children.length]!);
  console.log(`\n${AT_ONCE} sends with the photo at once, from ${new Set(senders).size} children; the server's memory read every ${SAMPLE_MS} ms…`);
  const cookies = new Map<Login, string>();
  for (const s of senders) if (!cookies.has(s.account)) cookies.set(s.account, await signIn(base, s.account.username, s.account.password));
  const forms: Form[] = [];
  for (const s of senders) forms.push(await fetchForm(base, s.id, cookies.get(s.account)!));
  // Let the server settle after the sign-ins and form pages, then take its resting size.
  await new Promise((r) => setTimeout(r, 2000));
  const baseline = medianOf(await readSeveral(serverPid, 5, 100));
  const hwmReset = resetPeak(serverPid);
  const sampler = sampleRss(serverPid, SAMPLE_MS);
  const started = performance.now();
  const results = await Promise.all(senders.map((s, i) => post(base, forms[i]!, cookies.get(s.account)!, photos[i]!, s.id)));
  const ms = performance.now() - started;
  const { peak: sampledPeak, samples } = sampler.stop();
  const { rss: after, hwm } = readMemory(serverPid);
  const peak = hwmReset ? Math.max(hwm, sampledPeak) : sampledPeak;
  for (const [i, r] of results.entries()) console.log(`  ${String(i + 1).padStart(2)}  ${r.status} in ${r.ms.toFixed(0)} ms`);
  console.log(`  all ${AT_ONCE} in ${ms.toFixed(0)} ms; server RSS ${mb(baseline)} before, ${mb(peak)} at peak, ${mb(after)} after`);
  return { ms, sends: results.map((r) => ({ ...r, formMs: 0 })), memory: { baseline, sampledPeak, samples, hwm, hwmReset, peak, after } };
}

async function readSeveral(pid: number, count: number, everyMs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(readMemory(pid).rss);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return out;
}

/** How many of these contributions are stored as sent with exactly one attachment, a re-encoded JPEG with its bytes. */
async function storedSends(url: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Contribution" c
       WHERE c."id" = ANY($1::text[]) AND c."status" = 'sent' AND c."kind" = 'proud'
         AND (SELECT count(*) FROM "ContributionAttachment" a
              JOIN "StoredFile" f ON f."id" = a."fileId"
              JOIN "FileBlob" b ON b."storageKey" = f."storageKey"
              WHERE a."contributionId" = c."id" AND a."reencoded" AND a."mediaType" = 'image/jpeg' AND b."size" = f."size" AND f."size" > 0) = 1
         AND (SELECT count(*) FROM "ContributionAttachment" a WHERE a."contributionId" = c."id") = 1`,
      [ids],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
