import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { connect } from "../../lib/db/connect.ts";
import { readMigrations } from "../../lib/db/migrate.ts";
import { createTestDb, databaseKinds, withClient, type TestDb } from "../helpers/db.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fresh(kind: "pglite" | "postgres"): Promise<TestDb> {
  const db = await createTestDb(kind);
  cleanups.push(() => db.drop());
  return db;
}

describe.each(databaseKinds())("migrations on %s", (kind) => {
  it("records each applied migration and applies nothing the second time", async () => {
    const db = await fresh(kind); // createTestDb has already migrated once
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(await db.migrate()).toEqual([]);
  });

  it("refuses to run when an applied migration has been edited", async () => {
    const db = await fresh(kind);
    const edited = readMigrations().map((m) => ({ ...m, checksum: "0".repeat(64) }));
    await expect(db.migrate(edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration completely and does not record it", async () => {
    const db = await fresh(kind);
    const broken = { name: "29990101000000_broken", checksum: "x".repeat(64), sql: `CREATE TABLE "Half" (id int); SELECT no_such_function();` };
    await expect(db.migrate([...readMigrations(), broken])).rejects.toThrow(/29990101000000_broken failed/);
    const tables = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables).toHaveLength(0);
    const recorded = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(recorded).toHaveLength(0);
  });
});

describe("several app nodes starting at once", () => {
  // Registered only where PostgreSQL is available (npm test always provides one).
  if (databaseKinds().includes("postgres")) it("PostgreSQL: concurrent migrations apply each migration exactly once", async () => {
    const admin = new URL(process.env.TEST_DATABASE_URL!);
    const name = `rt_test_${randomBytes(6).toString("hex")}`;
    await withClient(admin.href, (c) => c.query(`CREATE DATABASE "${name}"`));
    cleanups.push(() => withClient(admin.href, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}));
    const url = new URL(admin.href);
    url.pathname = `/${name}`;
    const nodes = await Promise.all([1, 2, 3, 4].map(() => connect({ kind: "postgres", url: url.href })));
    cleanups.push(async () => void (await Promise.all(nodes.map((n) => n.close()))));

    const applied = await Promise.all(nodes.map((n) => n.migrate()));

    expect(applied.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    const rows = await nodes[0].prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(readMigrations().length);
  });

  it("PGlite: a second process cannot open a folder that is in use", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-lock-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const first = await connect({ kind: "pglite", dir });
    cleanups.push(() => first.close());
    // Pretend another live process holds the lock: this test process's parent is alive.
    fs.writeFileSync(path.join(dir, "portal.lock"), String(process.ppid));
    await expect(connect({ kind: "pglite", dir })).rejects.toThrow(/in use by process/);
  });

  it("PGlite: data survives closing and reopening the folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-reopen-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const first = await connect({ kind: "pglite", dir });
    expect(await first.migrate()).toEqual(readMigrations().map((m) => m.name));
    await first.prisma.team.create({ data: { name: "North" } });
    await first.close();
    const second = await connect({ kind: "pglite", dir });
    cleanups.push(() => second.close());
    expect(await second.migrate()).toEqual([]);
    expect(await second.prisma.team.count()).toBe(1);
  });
});
