import { afterEach, describe, expect, it } from "vitest";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock } from "../../lib/clock.ts";
import { loadDemoData } from "../../lib/demo/load-demo.ts";
import { addChild, makeAccount } from "../helpers/account-fixtures.ts";

// Demo data goes only into a database holding no children and no users, and never fails the
// portal's start because a council got there first.
describe.each(databaseKinds())("demo data on %s", (kind) => {
  const clock = fixedClock("2026-12-02T09:00:00Z");
  let test: TestDb | undefined;

  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it("loads into an empty database once, and later starts print the same sign-ins", async () => {
    test = await createTestDb(kind);
    const first = await loadDemoData({ db: test.prisma, files: testFileStore, clock });
    expect(first.map((a) => a.username)).toContain("amira");
    const users = await test.prisma.user.count();
    const again = await loadDemoData({ db: test.prisma, files: testFileStore, clock });
    expect(again).toEqual(first);
    expect(await test.prisma.user.count()).toBe(users);
    expect(await test.prisma.child.count({ where: { externalId: "C-1001" } })).toBe(1);
    // The demo child's mother gave consent for a youth club's trips and withdrew it: one topic, once.
    expect(await test.prisma.consentDecision.findMany({ where: { child: { externalId: "C-1001" } }, select: { choice: true }, orderBy: { decidedAt: "asc" } })).toEqual([{ choice: "given" }, { choice: "withdrawn" }]);
  });

  it("leaves a council's own records and accounts alone, without failing", async () => {
    test = await createTestDb(kind);
    await addChild(test.prisma, "C-9001");
    await makeAccount(test.prisma, clock, { role: "caseworker" });
    const signIns = await loadDemoData({ db: test.prisma, files: testFileStore, clock });
    expect(signIns).toEqual([]);
    expect(await test.prisma.child.count()).toBe(1);
    expect(await test.prisma.user.count()).toBe(1);
  });

  it("does not load into a database that has only accounts", async () => {
    test = await createTestDb(kind);
    await makeAccount(test.prisma, clock, { role: "admin" });
    expect(await loadDemoData({ db: test.prisma, files: testFileStore, clock })).toEqual([]);
    expect(await test.prisma.child.count()).toBe(0);
  });
});
