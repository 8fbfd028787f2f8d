import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import {
  addTopic, decideConsent, findShareFormData, findSharesAwaitingReview, findSharingLog, mayReviewShares, recordShare, reviewShare, shareForm,
  type ShareInput, type ShareReviewInput,
} from "../../lib/consent/index.ts";
import { Invalid, NotFound } from "../../lib/errors/index.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { testFileStore } from "../helpers/files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

type Who = keyof VisibilityFixture["accounts"];
const CHILD = "0b5f3c1e-8d1a-4c52-9a3e-2f6b7d8e9a01";

// What the form's schema refuses before anything is looked up (no database needed).
describe("the share form's schema", () => {
  const base = { childId: CHILD, lawfulBasis: "child_safety", recipient: "police", reason: "A risk of harm.", what: "whole_record", sharedOn: "2026-12-01", purpose: "Safety" };
  const problems = (over: Record<string, unknown>) => {
    const parsed = shareForm.safeParse({ ...base, ...over });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
  };

  it("accepts a complete share, reading the checkbox and trimming text", () => {
    const parsed = shareForm.parse({ ...base, reasonWithheld: "on", reason: "  A risk of harm.  " });
    expect(parsed).toMatchObject({ reasonWithheld: true, reason: "A risk of harm.", entryIds: [] });
    expect(shareForm.parse(base).reasonWithheld).toBe(false);
  });

  it("refuses what each basis and each kind of share needs", () => {
    expect(problems({ reason: "   " })).toEqual(["reason consent:errors.reasonNeeded"]);
    expect(problems({ recipient: "" })).toEqual(["recipient consent:errors.recipientNeeded"]);
    expect(problems({ recipient: "named_org" })).toEqual(["recipientName consent:errors.nameNeeded"]);
    expect(problems({ lawfulBasis: "consent", recipient: "", reason: "" })).toEqual(["topicId consent:errors.topicNeeded"]);
    expect(problems({ what: "entries" })).toEqual(["entryIds consent:errors.entriesNeeded"]);
    expect(problems({ what: "described", description: "" })).toEqual(["description consent:errors.descriptionNeeded"]);
    expect(problems({ purpose: "" })).toEqual(["purpose consent:errors.purposeNeeded"]);
    expect(problems({ sharedOn: "2026-02-30" })).toEqual(["sharedOn consent:errors.date"]);
    expect(problems({ lawfulBasis: "because" })).toEqual(["lawfulBasis consent:errors.choose"]);
  });
});

// Recording shares and reviewing withheld reasons on both databases: who may, what each reader
// sees, and that reviews are an append-only history whose newest stands.
describe.each(databaseKinds())("sharing and review on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
  });
  afterAll(async () => db?.drop());

  const actor = (who: Who) => fx.accounts[who].actor;
  const share = (over: Partial<ShareInput>, who: Who = "caseworker") =>
    recordShare({ db: db.prisma, clock, actor: actor(who), share: { childId: fx.A.id, lawfulBasis: "child_safety", recipient: "police", what: "whole_record", purpose: "Safety", reason: "A risk of harm.", sharedOn: "2026-12-02", ...over } });
  const review = (shareId: string, over: Partial<ShareReviewInput> = {}, who: Who = "manager") =>
    reviewShare({ db: db.prisma, clock, actor: actor(who), review: { childId: fx.A.id, shareId, outcome: "show_to_child", note: "Safe to tell her now.", ...over } });
  const seen = async (who: Who, id: string) => (await findSharingLog({ db: db.prisma, actor: actor(who), childId: fx.A.id })).find((s) => s.id === id);

  it("only the child's caseworker and managers record shares; families and outsiders find nothing, and nothing is stored", async () => {
    const before = await db.prisma.sharingRecord.count();
    for (const who of ["child", "mother", "carer", "advocate", "otherCaseworker", "otherManager", "admin", "otherParent"] as const) {
      await expect(share({}, who), who).rejects.toBeInstanceOf(NotFound);
      await expect(findShareFormData({ db: db.prisma, actor: actor(who), childId: fx.A.id, now: clock.now() }), who).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db.prisma.sharingRecord.count()).toBe(before);
    await share({}, "manager");
    expect(await db.prisma.sharingRecord.count()).toBe(before + 1);
  });

  it("refuses a share dated in the future, or relying on consent that was withdrawn, storing nothing", async () => {
    const before = await db.prisma.sharingRecord.count();
    await expect(share({ sharedOn: "2026-12-03" })).rejects.toMatchObject({ problems: [{ path: "sharedOn", message: "consent:share.errors.future" }] });
    const club = (await addTopic({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, recipient: "named_org", recipientName: "Club", purpose: "Trips" })).id;
    for (const choice of ["given", "withdrawn"] as const) await decideConsent({ db: db.prisma, clock, actor: actor("mother"), change: { childId: fx.A.id, topicId: club, choice } });
    await expect(share({ lawfulBasis: "consent", topicId: club })).rejects.toMatchObject({ problems: [{ message: "consent:errors.noConsent" }] });
    expect(await db.prisma.sharingRecord.count()).toBe(before);
    const form = await findShareFormData({ db: db.prisma, actor: actor("caseworker"), childId: fx.A.id, now: clock.now() });
    expect(form.topics.find((t) => t.id === club)).toMatchObject({ state: "withdrawn", by: actor("mother").displayName });
    expect(form.entries.length).toBeGreaterThan(0);
  });

  it("a manager's review to show the reason lets the child see it; the share itself never changes", async () => {
    const kept = await share({ reason: "The police asked us not to say yet.", reasonWithheld: true });
    expect(await seen("child", kept.id)).toMatchObject({ reason: null, reasonWithheld: false, review: null });
    expect(await seen("caseworker", kept.id)).toMatchObject({ reasonWithheld: true, review: { shown: false, latest: null } });
    expect((await findSharesAwaitingReview({ db: db.prisma, actor: actor("manager") })).find((c) => c.id === fx.A.id)?.count).toBeGreaterThan(0);

    await review(kept.id, { outcome: "keep_withheld", note: "Still under investigation." });
    expect(await seen("child", kept.id)).toMatchObject({ reason: null });
    await review(kept.id, { outcome: "show_to_child" });
    expect(await seen("child", kept.id)).toMatchObject({ reason: "The police asked us not to say yet." });
    expect(await seen("mother", kept.id)).toMatchObject({ reason: "The police asked us not to say yet." });
    expect(await seen("caseworker", kept.id)).toMatchObject({ review: { shown: true, latest: { outcome: "show_to_child", by: actor("manager").displayName } } });
    const row = await db.prisma.sharingRecord.findUniqueOrThrow({ where: { id: kept.id } });
    expect(row.reasonWithheld).toBe(true);
    const reviews = await db.prisma.shareReview.findMany({ where: { shareId: kept.id } });
    expect(reviews).toHaveLength(2);
    expect(reviews.find((r) => r.outcome === "show_to_child")!.replacesId).toBe(reviews.find((r) => r.outcome === "keep_withheld")!.id);
    expect(await db.prisma.auditEvent.count({ where: { action: "share.reviewed", subjectId: kept.id } })).toBe(2);
    expect((await findSharesAwaitingReview({ db: db.prisma, actor: actor("manager") })).find((c) => c.id === fx.A.id)).toBeUndefined();
  });

  it("caseworkers, families and other teams' managers cannot review; a share without a withheld reason has nothing to review", async () => {
    const kept = await share({ reasonWithheld: true });
    expect(await mayReviewShares(db.prisma, actor("caseworker"), fx.A.id)).toBe(false);
    expect(await mayReviewShares(db.prisma, actor("manager"), fx.A.id)).toBe(true);
    for (const who of ["caseworker", "child", "mother", "advocate", "otherManager", "otherCaseworker", "admin"] as const) {
      await expect(review(kept.id, {}, who), who).rejects.toBeInstanceOf(NotFound);
    }
    const open = await share({});
    await expect(review(open.id)).rejects.toBeInstanceOf(NotFound);
    await expect(reviewShare({ db: db.prisma, clock, actor: actor("otherManager"), review: { childId: fx.B.id, shareId: kept.id, outcome: "show_to_child", note: "x" } })).rejects.toBeInstanceOf(NotFound);
    await expect(review(kept.id, { note: "  " })).rejects.toBeInstanceOf(Invalid);
    expect(await db.prisma.shareReview.count({ where: { shareId: { in: [kept.id, open.id] } } })).toBe(0);
    expect(await findSharesAwaitingReview({ db: db.prisma, actor: actor("caseworker") })).toEqual([]);
    expect(await findSharesAwaitingReview({ db: db.prisma, actor: actor("otherManager") })).toEqual([]);
  });

  it("review rows cannot be changed or removed", async () => {
    const kept = await share({ reasonWithheld: true });
    await review(kept.id);
    await expect(db.prisma.shareReview.updateMany({ where: { shareId: kept.id }, data: { outcome: "keep_withheld" } })).rejects.toThrow();
    await expect(db.prisma.shareReview.deleteMany({ where: { shareId: kept.id } })).rejects.toThrow();
    expect(await db.prisma.shareReview.count({ where: { shareId: kept.id, outcome: "show_to_child" } })).toBe(1);
  });
});
