import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { addTopic, decideConsent, findConsent, findSharingLog, recordCompetence, recordShare, whoDecides, type ShareInput } from "../../lib/consent/index.ts";
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
  const entry = (label: string) => fx.A.entries.get(label)!;
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
  const share = (over: Partial<ShareInput>, who: Who = "caseworker") =>
    recordShare({ db: db.prisma, clock, actor: actor(who), share: { childId: fx.A.id, lawfulBasis: "consent", what: "whole_record", purpose: "Support in class", sharedOn: "2026-12-02", ...over } });
  const log = (who: Who) => findSharingLog({ db: db.prisma, actor: actor(who), childId: fx.A.id });

  it("a share on standing consent names it; on withdrawn or expired consent it is refused", async () => {
    const youthJustice = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "youth_justice", purpose: "Panel" })).id;
    await expect(share({ topicId: youthJustice })).rejects.toMatchObject({ problems: [{ message: "consent:errors.noConsent" }] });
    const given = await decide("child", "given", youthJustice, "2026-12-10");
    const ok = await share({ topicId: youthJustice });
    expect((await db.prisma.sharingRecord.findUniqueOrThrow({ where: { id: ok.id } })).consentDecisionId).toBe(given.id);
    clock.set(new Date("2026-12-11T10:00:00Z"));
    await expect(share({ topicId: youthJustice, sharedOn: "2026-12-11" })).rejects.toMatchObject({ problems: [{ message: "consent:errors.consentExpired" }] });
    clock.set(new Date("2026-12-02T10:00:00Z"));
    await decide("child", "withdrawn", youthJustice);
    await expect(share({ topicId: youthJustice })).rejects.toMatchObject({ problems: [{ message: "consent:errors.noConsent" }] });
    await expect(share({ topicId: youthJustice }, "mother")).rejects.toBeInstanceOf(NotFound);
    await expect(share({ topicId: youthJustice }, "otherCaseworker")).rejects.toBeInstanceOf(NotFound);
  });

  it("a share without consent needs a reason the child sees, unless it is withheld; then managers are told", async () => {
    await expect(share({ lawfulBasis: "child_safety", recipient: "police", reason: "" })).rejects.toBeInstanceOf(Invalid);
    const open = await share({ lawfulBasis: "child_safety", recipient: "police", purpose: "Keeping Amira safe", reason: "There was a risk of harm that night." });
    const kept = await share({ lawfulBasis: "legal_obligation", recipient: "other_council", purpose: "Transfer", reason: "A court asked for it.", reasonWithheld: true });
    const seen = await log("child");
    expect(seen.find((s) => s.id === open.id)).toMatchObject({ reason: "There was a risk of harm that night.", lawfulBasis: "child_safety" });
    expect(seen.find((s) => s.id === kept.id)).toMatchObject({ reason: null, reasonWithheld: false });
    expect((await log("manager")).find((s) => s.id === kept.id)).toMatchObject({ reason: "A court asked for it.", reasonWithheld: true });
    expect(await db.prisma.outboxMessage.count({ where: { recipientId: actor("manager").userId, kind: "share-review" } })).toBe(1);
  });

  it("the log follows the entry rules, and only people with parental responsibility among family read it", async () => {
    const aboutDad = await share({ lawfulBasis: "child_safety", recipient: "school", what: "entries", entryIds: [entry("X-DAD-BOTH")], reason: "Safety plan" });
    expect((await log("child")).map((s) => s.id)).toContain(aboutDad.id);
    expect((await log("father")).map((s) => s.id)).not.toContain(aboutDad.id); // excluded from that entry
    for (const who of ["carer", "otherParent", "otherCaseworker", "admin"] as const) await expect(log(who), who).rejects.toBeInstanceOf(NotFound);
    await expect(share({ lawfulBasis: "child_safety", recipient: "school", what: "entries", entryIds: [[...fx.B.entries.values()][0]!], reason: "x" })).rejects.toBeInstanceOf(NotFound);
  });

  it("a withdrawal racing a share lands wholly before it (refused) or after it (logged under the consent that stood)", async () => {
    for (let round = 0; round < 5; round++) {
      const topic = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "named_org", recipientName: `Club ${round}`, purpose: "Trips" })).id;
      const given = await decide("child", "given", topic);
      const [withdrawal, shared] = await Promise.allSettled([decide("child", "withdrawn", topic), share({ topicId: topic })]);
      expect(withdrawal.status).toBe("fulfilled");
      const decisions = await db.prisma.consentDecision.findMany({ where: { topicId: topic } });
      expect(decisions).toHaveLength(2);
      if (shared.status === "fulfilled") {
        const row = await db.prisma.sharingRecord.findUniqueOrThrow({ where: { id: shared.value.id } });
        expect(row.consentDecisionId).toBe(given.id);
        expect(row.createdAt.getTime()).toBeLessThanOrEqual(decisions.find((d) => d.choice === "withdrawn")!.decidedAt.getTime());
      } else {
        expect(shared.reason).toMatchObject({ problems: [{ message: "consent:errors.noConsent" }] });
      }
    }
  });
});
