// `npm run bench -- --explain` runs this instead of the load test: the SQL that Prisma sends for
// each record page (chronology, entry page, withheld page, my things), as the benchmark's parent
// and as the no-summary record's child, with EXPLAIN (ANALYZE, BUFFERS) for each statement, then a
// table of the most rows any one plan step touched per page and record. A statement that touches
// rows in proportion to the record's size shows up as a large count on the 10,000-entry records
// and a small one on the 100-entry record. Scratch tooling for finding why a page is slow; the
// app's own logging is left alone. The lasting check is tests/integration/record-page-plans.test.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Actor } from "../../lib/access/index.ts";
import { connect } from "../../lib/db/connect.ts";
import { PrismaClient } from "../../lib/db/generated/client.ts";
import { findPostgres } from "../../scripts/lib/postgres.ts";
import { busiestNode, planOf } from "../helpers/query-plans.ts";
import { recordPages } from "../helpers/record-pages.ts";
import { seed, type SeededRecord, type SeedSizes } from "./seed.ts";

type Captured = { query: string; params: unknown[]; ms: number };

export async function explainChronology(sizes: SeedSizes) {
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
        return await seed(conn.prisma, sizes);
      } finally {
        await conn.close();
      }
    })();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.href }), log: [{ emit: "event", level: "query" }] });
    const actorFor = async (username: string): Promise<Actor> => {
      const user = await prisma.user.findUniqueOrThrow({ where: { username } });
      return { userId: user.id, role: user.role, displayName: user.displayName, sessionId: "explain" };
    };
    const [parent, child] = [await actorFor(seeded.user.username), await actorFor(seeded.child.username)];
    const captured: Captured[] = [];
    prisma.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration }));
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    const summary: string[] = [];
    try {
      const views: [string, Actor, SeededRecord, string][] = [
        ["parent", parent, seeded.large, "with summaries"],
        ["parent", parent, seeded.bare, "no case summary"],
        ["parent", parent, seeded.small, "with summaries"],
        ["child", child, seeded.bare, "no case summary"],
      ];
      for (const [who, actor, record, kind] of views) {
        for (const [page, load] of Object.entries(recordPages(prisma, actor, record.childId, record.newestVisible.id))) {
          for (let i = 0; i < 5; i++) await load(); // warm caches and Prisma's query plans
          captured.length = 0;
          const started = performance.now();
          await load();
          const total = performance.now() - started;
          const label = `${page} as the ${who}, ${record.entries.toLocaleString("en-GB")} entries (${kind})`;
          console.log(`\n════ ${label}: ${captured.length} statements, ${total.toFixed(1)} ms in all ════`);
          let worst = { rows: 0, node: "" };
          for (const q of captured) {
            if (!/^\s*SELECT/i.test(q.query)) continue;
            console.log(`\n── ${q.ms} ms (Prisma) ──\n${q.query}\n   params: ${JSON.stringify(q.params)}`);
            const text = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.query}`, q.params);
            for (const row of text.rows as { "QUERY PLAN": string }[]) console.log(`   ${row["QUERY PLAN"]}`);
            const busiest = busiestNode(planOf((await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.query}`, q.params)).rows));
            console.log(`   → at most ${busiest.rows} rows touched by one step (${busiest.node})`);
            if (busiest.rows > worst.rows) worst = busiest;
          }
          summary.push(`  ${label.padEnd(72)} ${String(worst.rows).padStart(6)}  ${worst.node}`);
        }
      }
    } finally {
      await client.end();
      await prisma.$disconnect();
    }
    console.log("\nMost rows touched by one plan step, per page (a bounded page stays small on every record)");
    for (const line of summary) console.log(line);
  } finally {
    await run(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    server.stop();
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
