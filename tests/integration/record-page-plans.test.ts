import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor.ts";
import type { PrismaClient } from "../../lib/db/generated/client.ts";
import { seed, type Seeded } from "../bench/seed.ts";
import { databaseKinds } from "../helpers/db.ts";
import { openLogged, type Captured, type Logged } from "../helpers/logged-db.ts";
import { busiestNode, planOf, readInSubPlan, type Touched } from "../helpers/query-plans.ts";
import { recordPages } from "../helpers/record-pages.ts";

// Every statement of a record page must be bounded by an index whatever the record holds: a
// step that reads rows in proportion to the record (or to the whole table) makes a large record
// slow on any machine. So, on a record of 3,000 entries with no case summary, beside a 1,000-entry
// record of the same family, each page's reads run under EXPLAIN (ANALYZE, FORMAT JSON) as a
// parent and as the child, and no step may read more than BOUND rows from a table or index. Counting rows, not
// timing, keeps the test independent of the machine's load.
//
// Two allowances, by the nature of the rules rather than the record's size:
// - the withheld page summarises every restriction on entries kept from the child, so it may
//   read those (and only those) entries of this record;
// - the check that no entry excludes the viewer by name may read the viewer's own exclusions
//   (on a small database the planner checks a page's entries against that list rather than one
//   by one): they grow with how often this person is named, not with the record.

const SIZES = { large: 1000, small: 10, bare: 3000 };
const BOUND = 200;
// The check that no entry excludes the viewer must be joined entry by entry: written under an OR
// it became a SubPlan that read every exclusion of every record, whoever was reading.

describe.each(databaseKinds())("record pages' query plans (%s)", (kind) => {
  let logged: Logged;
  let seeded: Seeded;
  const captured: Captured[] = [];

  beforeAll(async () => {
    logged = await openLogged(kind);
    seeded = await seed(logged.db, SIZES);
    await logged.db.$executeRawUnsafe("ANALYZE");
    (logged.db as unknown as PrismaClient<"query">).$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  }, 180_000);

  afterAll(async () => {
    await logged?.close();
  });

  async function actorFor(username: string): Promise<Actor> {
    const user = await logged.db.user.findUniqueOrThrow({ where: { username } });
    return { userId: user.id, role: user.role, displayName: user.displayName };
  }

  type Step = { any: Touched; exclusionsInSubPlan: boolean; sql: string };

  // For each SELECT a page sends, with sequential scans discouraged: its busiest scan and whether
  // it reads the exclusions in a SubPlan; the statement's start names it.
  async function planSteps(load: () => Promise<unknown>): Promise<Step[]> {
    captured.length = 0;
    await load();
    const statements = captured.filter((q) => /^\s*SELECT/i.test(q.query));
    expect(statements.length).toBeGreaterThan(0);
    const steps: Step[] = [];
    for (const q of statements) {
      const plan = planOf(await logged.explain(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.query}`, q.params, false));
      steps.push({ any: busiestNode(plan), exclusionsInSubPlan: readInSubPlan(plan, "EntryExclusion"), sql: q.query.slice(0, 120) });
    }
    return steps;
  }

  it.each(["parent", "child"] as const)(`as the %s, no step of any record page reads more than ${BOUND} rows`, async (who) => {
    const actor = await actorFor(who === "parent" ? seeded.user.username : seeded.child.username);
    const record = seeded.bare;
    expect(await logged.db.entry.count({ where: { childId: record.childId } })).toBe(SIZES.bare);
    expect(await logged.db.entry.count({ where: { childId: record.childId, type: "case_summary" } })).toBe(0);
    // The withheld page's own bound: the entries of this record kept from the child.
    const withheld = await logged.db.entry.count({ where: { childId: record.childId, withChild: false } });
    const excluding = await logged.db.entryExclusion.count({ where: { person: { accounts: { some: { id: actor.userId } } } } });

    const tooMany: string[] = [];
    for (const [page, load] of Object.entries(recordPages(logged.db, actor, record.childId, record.newestVisible.id))) {
      const bound = (page === "withheld page" ? withheld + BOUND : BOUND) + excluding;
      for (const { any, exclusionsInSubPlan, sql } of await planSteps(load)) {
        if (any.rows > bound) tooMany.push(`${page}: ${any.rows} rows (${any.node}) > ${bound} in ${sql}`);
        if (exclusionsInSubPlan) tooMany.push(`${page}: exclusions read in a SubPlan in ${sql}`);
      }
    }
    expect(tooMany).toEqual([]);
  });
});
