// `npm run bench:contributions -- --explain` runs this instead of the load test: the SQL Prisma
// sends for the caseworker's inbox (findInbox, unfiltered and with each kind of filter, and the
// list of their children the home page shows with it), as the large and the small caseload's
// caseworker, with EXPLAIN (ANALYZE, BUFFERS) for each statement, then a table of the most rows
// any one plan step touched. A statement that touches rows in proportion to the caseload's
// contributions shows up as a large count at 10,000 and a small one at 100. Scratch tooling for
// finding why a page is slow; the app's own logging is left alone.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { findChildrenForActor, type Actor } from "../../lib/access/index.ts";
// queries.ts directly: the domain index also exports page loaders, which need Next.js running.
import { findInbox, type InboxFilter } from "../../lib/contributions/inbox.ts";
import { connect } from "../../lib/db/connect.ts";
import { PrismaClient } from "../../lib/db/generated/client.ts";
import { busiestNode, planOf } from "../helpers/query-plans.ts";
import { seedContributions, type Caseload, type ContributionSizes } from "./contributions-seed.ts";
import { freshDatabase, type Cleanups } from "./portal.ts";

type Captured = { query: string; params: unknown[]; ms: number };

export async function explainInbox(sizes: ContributionSizes, cleanups: Cleanups) {
  const { url } = await freshDatabase(cleanups, "rt_bench_contrib");
  const conn = await connect({ kind: "postgres", url });
  const seeded = await (async () => {
    try {
      await conn.migrate();
      return await seedContributions(conn.prisma, sizes);
    } finally {
      await conn.close();
    }
  })();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  cleanups.push(() => prisma.$disconnect());
  const captured: Captured[] = [];
  prisma.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[], ms: e.duration }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());

  const summary: string[] = [];
  for (const [size, caseload] of [[sizes.large, seeded.large], [sizes.small, seeded.small]] as [number, Caseload][]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: caseload.caseworker.username } });
    const actor: Actor = { userId: user.id, role: user.role, displayName: user.displayName, sessionId: "explain" };
    const views: [string, () => Promise<unknown>][] = [
      ["children list", () => findChildrenForActor({ db: prisma, actor })],
      ...(
        [
          ["inbox", {}],
          ["inbox ?status=sent", { status: "sent" }],
          ["inbox ?kind=proud", { kind: "proud" }],
          ["inbox ?child=", { childId: caseload.children[0]!.id }],
        ] as [string, InboxFilter][]
      ).map(([label, filter]) => [label, () => findInbox({ db: prisma, actor, filter, now: new Date() })] as [string, () => Promise<unknown>]),
    ];
    for (const [view, load] of views) {
      for (let i = 0; i < 5; i++) await load(); // warm caches and Prisma's query plans
      captured.length = 0;
      const started = performance.now();
      await load();
      const total = performance.now() - started;
      const label = `${view}, ${size.toLocaleString("en-GB")} contributions`;
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
      summary.push(`  ${label.padEnd(44)} ${total.toFixed(1).padStart(7)} ms ${String(worst.rows).padStart(7)}  ${worst.node}`);
    }
  }
  console.log("\nTime of the last of six runs, and the most rows touched by one plan step (a bounded page stays small at every size)");
  for (const line of summary) console.log(line);
}
