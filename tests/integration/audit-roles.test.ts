import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, disableAccount } from "../../lib/accounts/index.ts";
import { appendAudit, verifyAudit } from "../../lib/audit/index.ts";
import { signIn } from "../../lib/auth/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { connect, type Connection } from "../../lib/db/connect.ts";
import { readMigrations, type SqlRunner } from "../../lib/db/migrate.ts";
import { appendOnlyTables } from "../../lib/db/roles.ts";
import { importRecords } from "../../lib/imports/index.ts";
import { recordView } from "../../lib/records/index.ts";
import { SYSTEM } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, withClient, type TestDb } from "../helpers/db.ts";
import { root } from "../helpers/cli.ts";

// Two PostgreSQL roles: the owner migrates; the app's role adds to and reads history but can
// neither change it nor switch off the triggers that forbid changing it.

const APPEND_ONLY = ["AuditEvent", "CompetenceAssessment", "ConsentDecision", "ContributionAnswer", "ContributionEvent", "ContributionReply", "DisagreementStatement", "EntryVersion", "RecordView", "RectificationEvent", "RectificationMessage", "RestrictionDecision", "RestrictionProposal", "RestrictionReview", "ShareReview", "SharingEntry", "SharingRecord", "TranslationCheck", "TranslationDraft"];
const clock = fixedClock("2026-11-30T10:00:00Z");

describe.each(databaseKinds())("append-only tables on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db?.drop());

  it("are found from their triggers, so the app role's grants cover every one", async () => {
    const runner: SqlRunner = { query: (sql) => db.prisma.$queryRawUnsafe(sql), exec: async (sql) => void (await db.prisma.$executeRawUnsafe(sql)) };
    expect(await appendOnlyTables(runner)).toEqual(APPEND_ONLY);
  });
});

// Registered only where PostgreSQL is available (npm test always provides one); PGlite has one role.
if (databaseKinds().includes("postgres")) describe("PostgreSQL with an owner role and an app role", () => {
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const suffix = randomBytes(5).toString("hex");
  const owner = `rt_owner_${suffix}`;
  const app = `rt_app_${suffix}`;
  const database = `rt_test_roles_${suffix}`;
  const urlFor = (role: string) => {
    const url = new URL(admin.href);
    url.username = role;
    url.pathname = `/${database}`;
    return url.href;
  };
  let asApp: Connection;
  let asOwner: Connection;

  beforeAll(async () => {
    await withClient(admin.href, async (c) => {
      await c.query(`CREATE ROLE "${owner}" LOGIN`);
      await c.query(`CREATE ROLE "${app}" LOGIN`);
      await c.query(`CREATE DATABASE "${database}" OWNER "${owner}"`);
    });
    asApp = await connect({ kind: "postgres", url: urlFor(app), migrationUrl: urlFor(owner) });
    asOwner = await connect({ kind: "postgres", url: urlFor(owner) });
    await asApp.migrate();
  });

  afterAll(async () => {
    await asApp?.close();
    await asOwner?.close();
    await withClient(admin.href, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      for (const role of [app, owner, `${app}_member`]) await c.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  it("migrates as the owner: the app role owns nothing", async () => {
    const owners = await asOwner.prisma.$queryRawUnsafe<{ owner: string }[]>(
      `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(owners).toEqual([{ owner }]);
    expect(await asApp.migrate()).toEqual([]); // the next start: nothing to apply, grants again
  });

  it("lets a tool running as the app role alone start when nothing is pending, and refuses it a migration", async () => {
    const tool = await connect({ kind: "postgres", url: urlFor(app) });
    try {
      expect(await tool.migrate()).toEqual([]);
      const pending = { name: "29990101000000_pending", checksum: "p".repeat(64), sql: `CREATE TABLE "Pending" (id int)` };
      await expect(tool.migrate([...readMigrations(), pending])).rejects.toThrow(/29990101000000_pending failed: permission denied/);
    } finally {
      await tool.close();
    }
  });

  it("lets the app role add to and read the audit log through lib/audit", async () => {
    const row = await asApp.prisma.$transaction((tx) => appendAudit(tx, { actor: SYSTEM, action: "test.as-app", at: clock.now() }));
    const again = await asApp.prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.action).toBe("test.as-app");
  });

  for (const table of APPEND_ONLY) {
    it(`refuses the app role UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      await expect(asApp.prisma.$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id"`)).rejects.toThrow(/permission denied/);
      await expect(asApp.prisma.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied/);
      await expect(asApp.prisma.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/permission denied/);
    });
  }

  it("refuses the app role switching off or dropping the append-only trigger, and altering tables", async () => {
    await expect(asApp.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)).rejects.toThrow(/must be owner/);
    await expect(asApp.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(asApp.prisma.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(asApp.prisma.$executeRawUnsafe(`DROP TABLE "AuditEvent"`)).rejects.toThrow(/must be owner/);
    await expect(asApp.prisma.$executeRawUnsafe(`CREATE TABLE "Mine" (id int)`)).rejects.toThrow(/permission denied/);
    await expect(asApp.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET checksum = checksum`)).rejects.toThrow(/permission denied/);
    const triggers = await asOwner.prisma.$queryRawUnsafe<{ enabled: string }[]>(
      `SELECT tgenabled::text AS enabled FROM pg_trigger WHERE tgname = 'AuditEvent_append_only'`,
    );
    expect(triggers).toEqual([{ enabled: "O" }]);
  });

  it("does the app's ordinary work as the app role: import, accounts, sign-in, views, disabling", async () => {
    const imported = await importRecords({
      db: asApp.prisma,
      files: testFileStore,
      clock,
      actor: SYSTEM,
      raw: fs.readFileSync(path.join(root, "prisma/demo/case-records.json")),
      fileName: "demo",
    });
    expect(imported.ok).toBe(true);
    const made = await createAccount({ db: asApp.prisma, clock, actor: SYSTEM, username: "roles-child", role: "child", password: "family-pass-1", childExternalId: "C-1001" });
    const signedIn = await signIn({ db: asApp.prisma, clock, username: "roles-child", password: "family-pass-1" });
    expect(signedIn.ok).toBe(true);
    const child = await asApp.prisma.child.findUniqueOrThrow({ where: { externalId: "C-1001" } });
    await recordView({ db: asApp.prisma, clock, actor: { userId: made.id, role: "child", displayName: made.displayName }, childId: child.id, part: "chronology" });
    const disabled = await disableAccount({ db: asApp.prisma, clock, actor: SYSTEM, username: "roles-child" });
    expect(disabled).toMatchObject({ changed: true, sessionsEnded: 1 });
    expect((await verifyAudit({ db: asApp.prisma })).ok).toBe(true);
  });

  it("grants later migrations' tables to the app role, and keeps a later append-only table append-only", async () => {
    const later = {
      name: "29990101000000_later",
      checksum: "l".repeat(64),
      sql: `CREATE TABLE "LaterNote" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL);
            CREATE TABLE "LaterHistory" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL);
            CREATE TRIGGER "LaterHistory_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "LaterHistory" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();`,
    };
    expect(await asApp.migrate([...readMigrations(), later])).toEqual([later.name]);
    await asApp.prisma.$executeRawUnsafe(`INSERT INTO "LaterNote" ("text") VALUES ('a')`);
    expect(await asApp.prisma.$executeRawUnsafe(`UPDATE "LaterNote" SET "text" = 'b'`)).toBe(1);
    await asApp.prisma.$executeRawUnsafe(`INSERT INTO "LaterHistory" ("text") VALUES ('a')`);
    await expect(asApp.prisma.$executeRawUnsafe(`DELETE FROM "LaterHistory"`)).rejects.toThrow(/permission denied/);
  });

  it("refuses to start with an app role that can act as the owner (it could disable the triggers)", async () => {
    const member = `${app}_member`;
    await withClient(admin.href, async (c) => {
      await c.query(`CREATE ROLE "${member}" LOGIN IN ROLE "${owner}"`);
    });
    const conn = await connect({ kind: "postgres", url: urlFor(member), migrationUrl: urlFor(owner) });
    try {
      await expect(conn.migrate()).rejects.toThrow(/can act as the owner/);
    } finally {
      await conn.close();
    }
  });
});
