import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../../lib/db/generated/client.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { createTestDb, type TestDb } from "./db.ts";

// A fresh database whose Prisma client reports its SQL, and a way to EXPLAIN that SQL on the same
// database: for the query-plan tests (tests/integration/*-plans.test.ts).

// A test database is small enough that reading a whole table can be the cheapest plan even where
// an index would serve; on a real one it is not. Discouraged (not forbidden), a sequential scan
// still shows up where no index fits, which is what these tests are for.
const seqScans = (on: boolean) => `SET enable_seqscan = ${on ? "on" : "off"}`;

export type Captured = { query: string; params: unknown[] };
export type Logged = {
  db: PrismaClient;
  explain(sql: string, params: unknown[], seqScansOn: boolean): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

export async function openLogged(kind: "pglite" | "postgres"): Promise<Logged> {
  const log = [{ emit: "event", level: "query" }] as const;
  if (kind === "pglite") {
    const pglite = new PGlite();
    await pglite.waitReady;
    await migrate({
      query: async (sql, params) => (await pglite.query(sql, params as unknown[])).rows as Record<string, unknown>[],
      exec: async (sql) => void (await pglite.exec(sql)),
    });
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [...log] });
    return {
      db,
      explain: async (sql, params, on) => {
        await pglite.exec(seqScans(on));
        const rows = (await pglite.query(sql, params)).rows as Record<string, unknown>[];
        await pglite.exec(seqScans(true));
        return rows;
      },
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const test: TestDb = await createTestDb("postgres");
  if (test.target.kind !== "postgres") throw new Error("expected PostgreSQL");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: test.target.url }), log: [...log] });
  // Untyped parameters, as Prisma's own statements leave the server to infer them.
  const client = new pg.Client({ connectionString: test.target.url });
  await client.connect();
  return {
    db,
    explain: async (sql, params, on) => {
      await client.query(seqScans(on));
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    },
    close: async () => {
      await client.end();
      await db.$disconnect();
      await test.drop();
    },
  };
}

/** Starts recording the SQL a logged client sends. */
export function captureQueries(logged: Logged): Captured[] {
  const captured: Captured[] = [];
  (logged.db as unknown as PrismaClient<"query">).$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  return captured;
}
