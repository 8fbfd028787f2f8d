import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAdvocate } from "../../lib/accounts/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { chooseAdvocate, findAdvocacy } from "../../lib/consent/index.ts";
import { loadDemoData } from "../../lib/demo/load-demo.ts";
import { londonDate } from "../../lib/calendar/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { testFileStore } from "../helpers/files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

// "Your advocate" tells "nobody is registered yet" apart from "you have chosen everyone who is",
// and the demo's advocate is one Amira chose, on the day her record says she did.
describe.each(databaseKinds())("the advocate register on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
  });
  afterAll(async () => db?.drop());

  const view = (who: "child" | "caseworker") => findAdvocacy({ db: db.prisma, actor: fx.accounts[who].actor, childId: fx.A.id, now: clock.now() });

  it("counts those registered, so choosing every one of them is not 'none registered'", async () => {
    expect(await view("child")).toMatchObject({ register: [], registered: 0 });
    const leah = await makeAccount(db.prisma, clock, { role: "advocate" });
    await registerAdvocate({ db: db.prisma, clock, actor: SYSTEM, username: leah.username, organisation: "Voices North" });
    expect(await view("caseworker")).toMatchObject({ register: [{ id: leah.actor.userId }], registered: 1 });
    await chooseAdvocate({ db: db.prisma, clock, actor: fx.accounts.child.actor, choice: { childId: fx.A.id, advocateId: leah.actor.userId } });
    for (const who of ["child", "caseworker"] as const) expect(await view(who), who).toMatchObject({ register: [], registered: 1 });
  });
});

describe.each(databaseKinds())("the demo's advocate on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
    await loadDemoData({ db: db.prisma, files: testFileStore, clock: fixedClock("2026-12-02T09:00:00Z") });
  });
  afterAll(async () => db?.drop());

  it("was chosen by Amira, since the day her record says", async () => {
    const amira = await db.prisma.user.findUniqueOrThrow({ where: { username: "amira" }, select: { id: true, role: true, displayName: true, childId: true } });
    const actor = { userId: amira.id, role: amira.role, displayName: amira.displayName };
    const seen = await findAdvocacy({ db: db.prisma, actor, childId: amira.childId!, now: new Date("2026-12-02T09:00:00Z") });
    expect(seen.current).toHaveLength(1);
    expect(seen.current[0]).toMatchObject({ name: "Zainab Rashid", organisation: "Bright Voices Advocacy", chosenBy: "child", endsOn: null });
    expect(londonDate(seen.current[0]!.since)).toBe("2025-07-22");
    // The registered advocate nobody has chosen is still there to choose.
    expect(seen.register.map((r) => r.name)).toContain("Leah Brooks");
  });
});
