import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { expectedSqlType, readPrismaSchema } from "../helpers/prisma-schema.ts";

// The SQL migrations are written by hand; this proves they build exactly the database that
// prisma/schema.prisma (and so the generated client) describes.
const schema = readPrismaSchema();

describe.each(databaseKinds())("schema.prisma matches the migrated %s database", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db?.drop());

  const query = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);

  it("has one table per model and no others", async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  // Prisma creates scalar lists (String[]) as nullable arrays, so they count as "null" here.
  it("has every column with its type and nullability", async () => {
    const rows = await query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name} ${r.data_type === "USER-DEFINED" ? `USER-DEFINED:${r.udt_name}` : r.data_type} ${r.is_nullable === "YES" ? "null" : "not null"}`)
      .sort();
    const expected = schema.models
      .flatMap((m) => m.columns.map((c) => `${m.name}.${c.name} ${expectedSqlType(c, schema.enums)} ${c.optional || c.list ? "null" : "not null"}`))
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has every enum with its values in order", async () => {
    const rows = await query<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = new Map<string, string[]>();
    for (const r of rows) actual.set(r.typname, [...(actual.get(r.typname) ?? []), r.enumlabel]);
    expect(actual).toEqual(schema.enums);
  });

  it("has the primary keys and unique constraints the client relies on", async () => {
    const rows = await query<{ table: string; columns: string; is_primary: boolean }>(
      `SELECT c.relname AS "table", i.indisprimary AS is_primary,
              string_agg(a.attname, ',' ORDER BY array_position(i.indkey, a.attnum)) AS columns
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
        WHERE i.indisunique AND c.relname <> '_prisma_migrations'
        GROUP BY c.relname, i.indexrelid, i.indisprimary`,
    );
    const actual = rows.map((r) => `${r.table}(${r.columns})${r.is_primary ? " pk" : ""}`).sort();
    const expected = schema.models
      .flatMap((m) => [`${m.name}(${m.primaryKey.join(",")}) pk`, ...m.uniques.map((u) => `${m.name}(${u.join(",")})`)])
      .sort();
    expect(actual).toEqual(expected);
  });
});
