import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { findEntryForViewer } from "../../lib/records/index.ts";
import { summariseWithheld } from "../../lib/restrictions/index.ts";
import { decideRestrictionForm, proposeRestrictionForm, reviewRestrictionForm } from "../../lib/restrictions/form.ts";
import { decideRestriction, proposeRestriction, reviewRestriction } from "../../lib/restrictions/workflow.ts";
import { restrictionVersion } from "../../lib/restrictions/version.ts";
import { findStaffEntryFacts } from "../../lib/records/staff-entry.ts";
import { findTasks, findTeamOverview } from "../../lib/tasks/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { importRecords } from "../../lib/imports/index.ts";
import { SYSTEM } from "../helpers/account-fixtures.ts";
import { visibilityExtract } from "../helpers/record-fixtures.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";
import type { Actor } from "../../lib/access/index.ts";

// Keeping an entry back from the child, decided in the portal (issue 10): a caseworker proposes, a
// manager of the child's team decides and reviews; the child's record follows each decision; nobody
// else can propose, decide or review, and what they try changes nothing.
describe.each(databaseKinds())("restrictions on %s", (kind) => {
  // Wednesday 2 December 2026, 10:00 in London.
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);

  const propose = (who: Who, label: string, fields: Record<string, string>) =>
    proposeRestriction({ db: prisma(), clock, actor: actor(who), proposal: proposeRestrictionForm.parse({ childId: fx().A.id, entryId: entry(label), ...fields }) });
  // What the manager's page would carry: the entry's restriction version as it stands.
  const seen = async (entryId: string) =>
    String(await restrictionVersion(prisma(), await prisma().entry.findUniqueOrThrow({ where: { id: entryId }, select: { id: true, version: true } })));
  const proposalEntry = async (proposalId: string) => (await prisma().restrictionProposal.findUniqueOrThrow({ where: { id: proposalId } })).entryId;
  const decide = async (who: Who, proposalId: string, fields: Record<string, string>) =>
    decideRestriction({ db: prisma(), clock, actor: actor(who), decision: decideRestrictionForm.parse({ childId: fx().A.id, proposalId, version: await seen(await proposalEntry(proposalId)), ...fields }) });
  const review = async (who: Who, label: string, fields: Record<string, string>) =>
    reviewRestriction({ db: prisma(), clock, actor: actor(who), review: reviewRestrictionForm.parse({ childId: fx().A.id, entryId: entry(label), version: await seen(entry(label)), ...fields }) });
  const childReads = (label: string) =>
    findEntryForViewer({ db: prisma(), actor: actor("child"), childId: fx().A.id, entryId: entry(label), locale: "en" }).then(() => true, () => false);
  const withhold = { change: "withhold", reason: "confidential", note: "Told in confidence by the school nurse.", reviewDue: "2027-03-01" };
  const rows = async () => ({
    proposals: await prisma().restrictionProposal.count(),
    decisions: await prisma().restrictionDecision.count(),
    reviews: await prisma().restrictionReview.count(),
    withChild: (await prisma().entry.findMany({ where: { childId: fx().A.id }, select: { withChild: true } })).filter((e) => e.withChild).length,
  });

  it("a caseworker's proposal changes nothing for the child until a manager of the team agrees", async () => {
    expect(await childReads("E-BOTH")).toBe(true);
    const { id, decided } = await propose("caseworker", "E-BOTH", withhold);
    expect(decided).toBe(false);
    expect(await childReads("E-BOTH")).toBe(true);
    // It waits on the manager, who sees it due in 5 working days; it is not the caseworker's task.
    const team = await findTeamOverview({ db: prisma(), actor: actor("manager"), now: clock.now() });
    expect(team!.tasks.filter((t) => t.kind === "restrictionProposal").map((t) => [t.id, t.dueOn, t.overdue])).toEqual([[id, "2026-12-09", false]]);
    expect((await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() })).counts.restrictionProposal).toBe(0);
    // One proposal at a time per entry.
    await expect(propose("caseworker", "E-BOTH", withhold)).rejects.toMatchObject({ code: "CONFLICT" });

    await decide("manager", id, { outcome: "approved", note: "Agreed: the nurse asked us not to share it." });
    expect(await childReads("E-BOTH")).toBe(false);
    const reasons = await summariseWithheld({ db: prisma(), clock, actor: actor("child"), childId: fx().A.id });
    expect(reasons.find((r) => r.reason === "confidential")).toBeDefined();
    const facts = await findStaffEntryFacts({ db: prisma(), actor: actor("caseworker"), childId: fx().A.id, entryId: entry("E-BOTH"), now: clock.now() });
    expect(facts).toMatchObject({ withChild: false, restriction: { reason: "confidential", decidedBy: actor("manager").displayName, reviewDue: "2027-03-01", overdue: false }, waiting: null });
    expect(facts!.history).toMatchObject([{ change: "withhold", decision: { outcome: "approved" } }]);
    const audit = await prisma().auditEvent.findMany({ where: { subjectId: entry("E-BOTH"), action: { startsWith: "restriction." } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["restriction.decided", "restriction.proposed"]);
    expect((await findTeamOverview({ db: prisma(), actor: actor("manager"), now: clock.now() }))!.tasks.filter((t) => t.kind === "restrictionProposal")).toEqual([]);
  });

  it("a manager can turn a proposal down, or change its reason and date; their own proposal is decided as made", async () => {
    const lift = await propose("caseworker", "E-BOTH", { change: "lift", note: "The nurse has agreed it can be shared." });
    await decide("manager", lift.id, { outcome: "rejected", note: "Not yet: wait for the nurse's letter." });
    expect(await childReads("E-BOTH")).toBe(false);
    await expect(decide("manager", lift.id, { outcome: "approved", note: "Changed my mind." })).rejects.toMatchObject({ code: "CONFLICT" });

    const change = await propose("caseworker", "E-BOTH", { ...withhold, reason: "third_party" });
    await decide("manager", change.id, { outcome: "changed", reason: "court", reviewDue: "2027-01-15", note: "It is covered by the court order." });
    const facts = await findStaffEntryFacts({ db: prisma(), actor: actor("manager"), childId: fx().A.id, entryId: entry("E-BOTH"), now: clock.now() });
    expect(facts!.restriction).toMatchObject({ reason: "court", reviewDue: "2027-01-15" });

    const own = await propose("manager", "E-BOTH", { change: "lift", note: "The order has ended." });
    expect(own.decided).toBe(true);
    expect(await childReads("E-BOTH")).toBe(true);
  });

  it("says what is wrong with a proposal or decision and stores nothing", async () => {
    const before = await rows();
    await expect(propose("caseworker", "E-BOTH", { change: "withhold", note: "No reason given.", reviewDue: "2027-03-01" })).rejects.toMatchObject({ code: "INVALID", problems: [{ path: "reason" }] });
    await expect(propose("caseworker", "E-BOTH", { ...withhold, reviewDue: "2026-12-01" })).rejects.toMatchObject({ problems: [{ path: "reviewDue", message: "staff:restriction.errors.reviewRange" }] });
    await expect(propose("caseworker", "E-BOTH", { ...withhold, reviewDue: "2028-01-01" })).rejects.toMatchObject({ problems: [{ path: "reviewDue" }] });
    await expect(propose("caseworker", "E-BOTH", { change: "lift", note: "It is shared already." })).rejects.toMatchObject({ problems: [{ path: "change", message: "staff:restriction.errors.notWithheld" }] });
    expect(() => proposeRestrictionForm.parse({ childId: fx().A.id, entryId: entry("E-BOTH"), ...withhold, note: "  " })).toThrow();
    const lift = await propose("caseworker", "R-CONF", { change: "lift", note: "Ready to share." });
    await expect(decide("manager", lift.id, { outcome: "changed", reason: "court", reviewDue: "2027-01-15", note: "x" })).rejects.toMatchObject({ problems: [{ path: "outcome" }] });
    await decide("manager", lift.id, { outcome: "rejected", note: "Not yet." });
    expect(await rows()).toEqual({ ...before, proposals: before.proposals + 1, decisions: before.decisions + 1 });
  });

  it("refuses everyone but the child's caseworker and team managers, as not found, and changes nothing", async () => {
    const before = await rows();
    for (const who of ["child", "mother", "advocate", "carer", "otherCaseworker", "otherManager", "admin", "otherChild"] as const) {
      await expect(propose(who, "E-BOTH", withhold), who).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(review(who, "R-CONF", { stillApplies: "no", note: "Lift it." }), who).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(review("caseworker", "R-CONF", { stillApplies: "no", note: "Lift it." })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rows()).toEqual(before);
    const waiting = await propose("caseworker", "E-CHILD", withhold);
    for (const who of ["caseworker", "otherManager", "child", "admin"] as const) {
      await expect(decide(who, waiting.id, { outcome: "approved", note: "Yes." }), who).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await prisma().restrictionDecision.count({ where: { proposalId: waiting.id } })).toBe(0);
    // Staff facts are for staff of this child only.
    for (const who of ["child", "mother", "otherCaseworker", "otherManager"] as const) {
      expect(await findStaffEntryFacts({ db: prisma(), actor: actor(who), childId: fx().A.id, entryId: entry("X-DAD-COURT"), now: clock.now() }), who).toBeNull();
    }
    await decide("manager", waiting.id, { outcome: "rejected", note: "No." });
  });

  const secondManager = async (tag: string): Promise<Actor> => {
    const teamId = (await prisma().user.findUniqueOrThrow({ where: { id: actor("manager").userId } })).teamId;
    const made = await prisma().user.create({ data: { username: `m2-${tag}`, passwordHash: "x", role: "manager", displayName: "Second Manager", teamId } });
    return { userId: made.id, role: "manager", displayName: made.displayName };
  };

  it("two managers deciding one proposal at once make one decision", async () => {
    const { id } = await propose("caseworker", "E-CHILD", withhold);
    const other = await secondManager(id.slice(0, 8));
    const version = await seen(entry("E-CHILD"));
    const as = (a: Actor, fields: Record<string, string>) =>
      decideRestriction({ db: prisma(), clock, actor: a, decision: decideRestrictionForm.parse({ childId: fx().A.id, proposalId: id, version, ...fields }) });
    const results = await Promise.allSettled([as(actor("manager"), { outcome: "approved", note: "Yes." }), as(other, { outcome: "rejected", note: "No." })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await prisma().restrictionDecision.count({ where: { proposalId: id } })).toBe(1);
  });

  it("two managers reviewing one withholding at once make one review: the later is told someone else changed it (issue 15, item 4)", async () => {
    const other = await secondManager(entry("R-CONF").slice(0, 8));
    const version = await seen(entry("R-CONF"));
    const reviewAs = (a: Actor, reviewDue: string) =>
      reviewRestriction({ db: prisma(), clock, actor: a, review: reviewRestrictionForm.parse({ childId: fx().A.id, entryId: entry("R-CONF"), version, stillApplies: "yes", note: `Still applies, to ${reviewDue}.`, reviewDue }) });
    const reviews = () => prisma().restrictionReview.findMany({ where: { restriction: { entryId: entry("R-CONF") } }, select: { nextReviewDue: true } });
    const before = await reviews();
    const results = await Promise.allSettled([reviewAs(actor("manager"), "2027-03-01"), reviewAs(other, "2027-04-01")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: "Someone else changed this restriction" } });
    const after = await reviews();
    expect(after).toHaveLength(before.length + 1);
    // The date that stands is the one review that happened, not a silent mix of both.
    const won = results[0]!.status === "fulfilled" ? "2027-03-01" : "2027-04-01";
    const facts = await findStaffEntryFacts({ db: prisma(), actor: actor("manager"), childId: fx().A.id, entryId: entry("R-CONF"), now: clock.now() });
    expect(facts!.restriction).toMatchObject({ reviewDue: won, lastReview: { note: `Still applies, to ${won}.` } });
    // The page, read again, carries the new version, and a review from it goes through.
    expect(facts!.restrictionVersion).toBe(Number(version) + 1);
    await reviewAs(actor("manager"), "2027-05-01").then(() => expect.unreachable(), (e) => expect(e).toMatchObject({ code: "CONFLICT" }));
    await review("manager", "R-CONF", { stillApplies: "yes", note: "Looked at again.", reviewDue: "2027-05-01" });
    expect(await reviews()).toHaveLength(before.length + 2);
  });

  it("a review keeps a withholding to a new date or ends it; an overdue review is the manager's and the child is told", async () => {
    // R-THIRD-FAM (third party) was due for review on 31 January 2027: read on 1 February, it is late.
    const late = fixedClock(new Date("2027-02-01T10:00:00Z"));
    const childView = await summariseWithheld({ db: prisma(), clock: late, actor: actor("child"), childId: fx().A.id });
    expect(childView.find((r) => r.reason === "third_party")).toMatchObject({ overdue: true });
    const team = await findTeamOverview({ db: prisma(), actor: actor("manager"), now: late.now() });
    expect(team!.tasks.filter((t) => t.kind === "restrictionReview" && t.overdue).map((t) => t.href)).toContain(`/records/${fx().A.id}/entries/${entry("R-THIRD-FAM")}`);

    await review("manager", "R-THIRD-FAM", { stillApplies: "yes", note: "Still no consent from the family friend.", reviewDue: "2027-05-01" });
    const facts = await findStaffEntryFacts({ db: prisma(), actor: actor("caseworker"), childId: fx().A.id, entryId: entry("R-THIRD-FAM"), now: clock.now() });
    expect(facts!.restriction).toMatchObject({ reviewDue: "2027-05-01", overdue: false, lastReview: { by: actor("manager").displayName } });
    await expect(review("manager", "R-THIRD-FAM", { stillApplies: "yes", note: "Again.", reviewDue: "" })).rejects.toMatchObject({ problems: [{ path: "reviewDue" }] });

    expect(await childReads("R-THIRD-FAM")).toBe(false);
    await review("manager", "R-THIRD-FAM", { stillApplies: "no", note: "Consent given." });
    expect(await childReads("R-THIRD-FAM")).toBe(true);
    const tasks = await findTasks({ db: prisma(), actor: actor("caseworker"), now: late.now() });
    expect(tasks.tasks.filter((t) => t.kind === "restrictionReview").map((t) => t.href)).not.toContain(`/records/${fx().A.id}/entries/${entry("R-THIRD-FAM")}`);
    // Nothing is left to review once it is shown.
    await expect(review("manager", "R-THIRD-FAM", { stillApplies: "yes", note: "x", reviewDue: "2027-05-01" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows staff who can read an entry, who is excluded by name, and its translations", async () => {
    const facts = await findStaffEntryFacts({ db: prisma(), actor: actor("caseworker"), childId: fx().A.id, entryId: entry("X-DAD-COURT"), now: clock.now() });
    expect(facts).toMatchObject({ withChild: false, withFamily: false, restriction: { reason: "court", reviewDue: "2027-01-15" }, mayDecide: false });
    expect(facts!.excluded).toHaveLength(1);
    expect(facts!.versions[0]).toMatchObject({ version: 1, origin: "import" });
    expect((await findStaffEntryFacts({ db: prisma(), actor: actor("manager"), childId: fx().A.id, entryId: entry("X-DAD-COURT"), now: clock.now() }))!.mayDecide).toBe(true);
  });

  it("a later import that changes the entry keeps the portal's decision on whether the child sees it", async () => {
    await propose("manager", "F-05", withhold);
    const { externalId } = await prisma().child.findUniqueOrThrow({ where: { id: fx().A.id }, select: { externalId: true } });
    const extract = visibilityExtract(externalId.split("-")[1]!);
    extract.exportedAt = "2026-12-01T09:00:00+00:00";
    const f05 = extract.children[0]!.entries.find((e) => e.externalId === "F-05")!;
    f05.title = "Title of F-05, corrected";
    const result = await importRecords({ db: prisma(), files: store, clock, actor: SYSTEM, raw: JSON.stringify(extract) });
    expect(result.ok).toBe(true);
    const row = await prisma().entry.findUniqueOrThrow({ where: { id: entry("F-05") }, select: { title: true, withChild: true, version: true, restriction: { select: { reason: true } } } });
    expect(row).toMatchObject({ title: "Title of F-05, corrected", withChild: false, version: 2, restriction: { reason: "confidential" } });
    expect(await childReads("F-05")).toBe(false);
  });
});
