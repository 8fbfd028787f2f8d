import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, verifyAuditChain } from "../../lib/audit/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

const actor = { userId: null, role: "system", displayName: "test" } as const;
const APPEND_ONLY = ["AuditEvent", "EntryVersion", "ConsentDecision", "SharingRecord", "RectificationEvent", "RestrictionReview", "RecordView", "ContributionEvent", "ContributionReply", "DisagreementStatement", "CompetenceAssessment", "SharingEntry", "ShareReview", "RestrictionProposal", "RestrictionDecision", "TranslationDraft", "TranslationCheck"];

describe.each(databaseKinds())("audit log on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
    for (let i = 0; i < 5; i++) {
      await db.prisma.$transaction((tx) => appendAudit(tx, { actor, action: "test.event", detail: { i }, at: new Date(Date.UTC(2026, 0, 1, 0, i)) }));
    }
  });
  afterAll(() => db?.drop());

  it("chains each row to the one before", async () => {
    const rows = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(db.prisma)).toBeNull();
  });

  it("commits or rolls back with the change it describes", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAudit(tx, { actor, action: "test.rolled-back", at: new Date() });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("keeps the chain intact under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.prisma.$transaction((tx) => appendAudit(tx, { actor, action: "test.concurrent", detail: { i }, at: new Date() })),
      ),
    );
    expect(await verifyAuditChain(db.prisma)).toBeNull();
  });

  for (const table of APPEND_ONLY) {
    it(`${table} refuses UPDATE, DELETE and TRUNCATE`, async () => {
      await expect(db.prisma.$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id"`)).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/);
    });
  }

  it("an UPDATE really is refused on an existing audit row, and the row is unchanged", async () => {
    const first = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(db.prisma.auditEvent.update({ where: { id: first.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.prisma.auditEvent.delete({ where: { id: first.id } })).rejects.toThrow();
    const again = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: first.id } });
    expect(again.action).toBe("test.event");
  });

  it("verification points at a row whose content no longer matches its hash", async () => {
    // Tamper as a superuser would: switch the trigger off, edit, switch it back on.
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const second = (await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, take: 2 }))[1];
    await db.prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${second.id}`);
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    expect(await verifyAuditChain(db.prisma)).toBe(second.id);
  });
});
