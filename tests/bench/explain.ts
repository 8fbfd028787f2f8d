// `npm run bench -- --explain` runs this instead of the load test: the SQL that Prisma sends for
// one chronology page (as the benchmark's parent sees it), with EXPLAIN (ANALYZE, BUFFERS) for each
// statement on the 10,000-entry record and the 100-entry record. Scratch tooling for finding why a
// page is slow; the app's own logging is left alone.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Actor } from "../../lib/access/index.ts";
import { connect } from "../../lib/db/connect.ts";
import { PrismaClient } from "../../lib/db/generated/client.ts";
import { findChronology, findLatestCaseSummary } from "../../lib/records/chronology.ts";
import { recordView } from "../../lib/records/access-log.ts";
import { openRecord } from "../../lib/records/open-record.ts";
import { systemClock } from "../../lib/clock.ts";
import { findPostgres } from "../../scripts/lib/postgres.ts";
import { seed, type SeededRecord } from "./seed.ts";

export async function explainChronology(sizes: { large: number; small: number }) {
  const server = await findPostgres();
  if (!server) throw new Error("no PostgreSQL: set TEST_DATABASE_URL or install PostgreSQL");
  const name = `rt_bench_${randomBytes(5).toString("hex")}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-bench-"));
  await run(server.url, `CREATE DATABASE "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  try {
    const conn = await connect({ kind: "postgres", url: url.href });
    const seeded = await (async () => {
      try {
        await conn.migrate();
        return await seed(conn, sizes, path.join(dataDir, "files"));
      } finally {
        await conn.close();
      }
    })();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.href }), log: [{ emit: "event", level: "query" }] });
    const user = await prisma.user.findUniqueOrThrow({ where: { username: seeded.user.username } });
    const actor: Actor = { userId: user.id, role: user.role, displayName: user.displayName, sessionId: "explain" };
    const captured: { query: string; params: unknown[]; ms: number }[] = [];
    prisma.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration }));
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      for (const record of [seeded.large, seeded.small]) await explainPage(prisma, client, actor, record, captured);
    } finally {
      await client.end();
      await prisma.$disconnect();
    }
  } finally {
    await run(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    server.stop();
  }
}

async function explainPage(
  prisma: PrismaClient,
  client: pg.Client,
  actor: Actor,
  record: SeededRecord,
  captured: { query: string; params: unknown[]; ms: number }[],
) {
  const page = async () => {
    await openRecord(prisma, actor, record.childId);
    await Promise.all([
      findChronology({ db: prisma, actor, childId: record.childId, locale: "en", query: {} }),
      findLatestCaseSummary({ db: prisma, actor, childId: record.childId }),
    ]);
  };
  for (let i = 0; i < 20; i++) await page(); // warm caches and Prisma's query plans
  // Where a page's database time goes, phase by phase (mean of 50, one at a time).
  const phases: [string, () => Promise<unknown>][] = [
    ["openRecord", () => openRecord(prisma, actor, record.childId)],
    ["findChronology", () => findChronology({ db: prisma, actor, childId: record.childId, locale: "en", query: {} })],
    ["findLatestCaseSummary", () => findLatestCaseSummary({ db: prisma, actor, childId: record.childId })],
    ["recordView (audit append)", () => recordView({ db: prisma, clock: systemClock, actor, childId: record.childId, part: "chronology" })],
  ];
  console.log(`\n${record.entries} entries: mean time per phase over 50 calls`);
  for (const [label, fn] of phases) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) await fn();
    console.log(`  ${label.padEnd(28)} ${((performance.now() - t0) / 50).toFixed(2).padStart(7)} ms`);
  }
  captured.length = 0;
  const started = performance.now();
  await page();
  const total = performance.now() - started;
  console.log(`\n════ chronology page, ${record.entries} entries: ${captured.length} statements, ${total.toFixed(1)} ms in all ════`);
  for (const q of captured) {
    console.log(`\n── ${q.ms} ms (Prisma) ──\n${q.query}\n   params: ${JSON.stringify(q.params)}`);
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, q.params);
    for (const row of plan.rows as { "QUERY PLAN": string }[]) console.log(`   ${row["QUERY PLAN"]}`);
  }
}

async function run(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
