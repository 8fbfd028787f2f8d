import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { addTopic, decideConsent, findConsent, recordCompetence, whoDecides } from "../../lib/consent/index.ts";
import { Invalid, NotFound } from "../../lib/errors/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { testFileStore } from "../helpers/files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

type Who = keyof VisibilityFixture["accounts"];

// Consent on both databases: who decides (parents with parental responsibility, then the child
// once a caseworker records they can decide), giving and withdrawing as an append-only history,
// expiry, nobody outside the record seeing it, and ten simultaneous withdrawals making one change.
describe.each(databaseKinds())("consent on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  let school: string;
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
    school = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "school", purpose: "Support in class" })).id;
  });
  afterAll(async () => db?.drop());

  const actor = (who: Who) => fx.accounts[who].actor;
  const decide = (who: Who, choice: "given" | "withdrawn", topicId = school, expiresOn?: string) =>
    decideConsent({ db: db.prisma, clock, actor: actor(who), change: { childId: fx.A.id, topicId, choice, expiresOn } });
  const view = (who: Who) => findConsent({ db: db.prisma, actor: actor(who), childId: fx.A.id, now: clock.now() });

  it("parents with parental responsibility decide until the child is recorded as able to decide", async () => {
    expect((await whoDecides(db.prisma, fx.A.id)).userIds.sort()).toEqual([actor("father").userId, actor("mother").userId].sort());
    await expect(decide("child", "given")).rejects.toBeInstanceOf(Invalid);
    await expect(decide("carer", "given")).rejects.toBeInstanceOf(Invalid); // no parental responsibility
    await expect(decide("advocate", "given")).rejects.toBeInstanceOf(Invalid);
    expect((await decide("mother", "given")).changed).toBe(true);
    await expect(recordCompetence({ db: db.prisma, clock, actor: actor("mother"), childId: fx.A.id, canDecide: true, note: "x", assessedOn: "2026-12-01" })).rejects.toBeInstanceOf(NotFound);
    await recordCompetence({ db: db.prisma, clock, actor: actor("caseworker"), childId: fx.A.id, canDecide: true, note: "Understands what sharing means and its effects.", assessedOn: "2026-12-01" });
    const deciders = await whoDecides(db.prisma, fx.A.id);
    expect(deciders).toMatchObject({ decider: "child", userIds: [actor("child").userId], competence: { canDecide: true } });
    await expect(decide("mother", "withdrawn")).rejects.toBeInstanceOf(Invalid);
    expect((await decide("child", "withdrawn")).changed).toBe(true);
    const seen = await view("father");
    const topic = seen.topics.find((t) => t.id === school)!;
    expect(topic.current).toMatchObject({ choice: "withdrawn", basis: "own_decision", by: actor("child").displayName });
    expect(topic.history.map((h) => [h.choice, h.basis])).toEqual([["withdrawn", "own_decision"], ["given", "parental_responsibility"]]);
    expect(topic.standing).toBe(false);
  });

  it("nobody outside the record sees its consent or changes it", async () => {
    for (const who of ["otherParent", "otherChild", "otherCaseworker", "otherManager", "admin"] as const) {
      await expect(view(who), who).rejects.toBeInstanceOf(NotFound);
      await expect(decide(who, "given"), who).rejects.toBeInstanceOf(NotFound);
    }
    await expect(addTopic({ db: db.prisma, actor: actor("mother"), childId: fx.A.id, recipient: "police", purpose: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(decideConsent({ db: db.prisma, clock, actor: actor("child"), change: { childId: fx.B.id, topicId: school, choice: "given" } })).rejects.toBeInstanceOf(NotFound);
  });

  it("a consent past its expiry no longer stands; the history is never changed", async () => {
    const gp = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "health", purpose: "Health assessment" })).id;
    await decide("child", "given", gp, "2026-12-31");
    expect((await view("child")).topics.find((t) => t.id === gp)).toMatchObject({ standing: true, expired: false });
    clock.set(new Date("2027-01-01T10:00:00Z"));
    expect((await view("child")).topics.find((t) => t.id === gp)).toMatchObject({ standing: false, expired: true });
    clock.set(new Date("2026-12-02T10:00:00Z"));
    await expect(db.prisma.consentDecision.deleteMany({ where: { topicId: gp } })).rejects.toThrow();
    await expect(db.prisma.competenceAssessment.deleteMany({})).rejects.toThrow();
  });

  it("ten simultaneous withdrawals make one change", async () => {
    const housing = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "housing", purpose: "A move" })).id;
    await decide("child", "given", housing);
    const results = await Promise.all(Array.from({ length: 10 }, () => decide("child", "withdrawn", housing)));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const rows = await db.prisma.consentDecision.findMany({ where: { topicId: housing } });
    expect(rows.map((r) => r.choice).sort()).toEqual(["given", "withdrawn"]);
  });
});
