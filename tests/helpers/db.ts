import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type Connection } from "../../lib/db/connect.ts";

export type DbKind = "pglite" | "postgres";

/** The databases integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDb = Connection & { drop(): Promise<void> };

/** A fresh, migrated database of its own, so test files run in parallel without sharing rows. */
export async function createTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === "pglite") {
    const conn = await connect({ kind: "pglite", dir: null });
    await conn.migrate();
    return { ...conn, drop: () => conn.close() };
  }
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const name = `rt_test_${randomBytes(6).toString("hex")}`;
  await withClient(admin.href, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin.href);
  url.pathname = `/${name}`;
  const conn = await connect({ kind: "postgres", url: url.href });
  await conn.migrate();
  return {
    ...conn,
    async drop() {
      await conn.close();
      await withClient(admin.href, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
