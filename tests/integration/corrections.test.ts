import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors/index.ts";
import {
  addDisagreement, answerQuestion, askForCorrection, askQuestion, decideRequest, extendRequest, findOpenRequests, findRequest,
  findRequestsOnRecord, recordRecipientsTold, requestForm, startReview, withdrawRequest,
} from "../../lib/rectification/index.ts";
import { recordShare } from "../../lib/consent/index.ts";
import { findChronology } from "../../lib/records/chronology.ts";
import { parseChronologyQuery } from "../../lib/records/chronology-filter.ts";
import { collectCopy } from "../../lib/records/copy.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { testFileStore } from "../helpers/files.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

type Who = keyof VisibilityFixture["accounts"];

// Correction requests on both databases: who may ask about what, who sees which requests, the
// clock through a question, an extension and a decision, a correction as a new entry version, a
// statement of disagreement, and two people deciding at once.
describe.each(databaseKinds())("correction requests on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  // Wednesday 25 November 2026, 10:00 in London: due Tuesday 29 December.
  const clock = fixedClock(new Date("2026-11-25T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
  });
  afterAll(async () => db?.drop());

  const actor = (who: Who) => fx.accounts[who].actor;
  const entry = (label: string) => fx.A.entries.get(label)!;
  const ask = (who: Who, items: string[] = [`${entry("E-BOTH")}:0`], over: Record<string, unknown> = {}) =>
    askForCorrection({
      db: db.prisma, clock, actor: actor(who), locale: "en", files: [], store: testFileStore,
      form: requestForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), items, whatIsWrong: "The date is wrong.", whatItShouldSay: "It was on the 6th.", ...over }),
    });
  const ref = (who: Who, requestId: string) => ({ db: db.prisma, clock, actor: actor(who), childId: fx.A.id, requestId });
  const detail = (who: Who, requestId: string) => findRequest({ ...ref(who, requestId), now: clock.now() });
  const readers = async (requestId: string) => {
    const out: Who[] = [];
    for (const who of Object.keys(fx.accounts) as Who[]) if (await detail(who, requestId).then(() => true, () => false)) out.push(who);
    return out.sort();
  };

  it("is due one calendar month after the day it arrives, moved past Christmas and the Boxing Day substitute", async () => {
    const { id } = await ask("child");
    const seen = await detail("child", id);
    expect(seen.clock).toMatchObject({ kind: "running", dueOn: "2026-12-29", overdue: false });
  });

  it("is read by its requester and the child's staff only; the child also sees what an advocate asked for them", async () => {
    const mine = await ask("mother");
    expect(await readers(mine.id)).toEqual(["caseworker", "manager", "mother"]);
    const forChild = await ask("advocate");
    expect(await readers(forChild.id)).toEqual(["advocate", "caseworker", "child", "manager"]);
    const list = await findRequestsOnRecord({ db: db.prisma, actor: actor("father"), childId: fx.A.id, now: clock.now() });
    expect(list).toEqual([]);
  });

  it("refuses a request about what the requester cannot read, leaving no trace", async () => {
    const before = await db.prisma.rectificationRequest.count();
    await expect(ask("father", [entry("X-DAD-BOTH")])).rejects.toBeInstanceOf(NotFound); // excluded for him
    await expect(ask("child", [entry("R-HARM")])).rejects.toBeInstanceOf(NotFound); // withheld from the child
    await expect(ask("child", [`${entry("E-BOTH")}:99`])).rejects.toBeInstanceOf(NotFound); // no such part
    await expect(ask("otherParent", [entry("E-BOTH")])).rejects.toBeInstanceOf(NotFound);
    for (const who of ["caseworker", "admin"] as const) await expect(ask(who), who).rejects.toBeInstanceOf(NotFound);
    expect(await db.prisma.rectificationRequest.count()).toBe(before);
    expect(() => requestForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), items: [entry("E-BOTH")], whatIsWrong: "  " })).toThrow();
    expect(() => requestForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), items: [entry("E-BOTH")], whatIsWrong: "x".repeat(5001) })).toThrow();
    expect(() => requestForm.parse({ childId: fx.A.id, submissionKey: randomUUID(), items: [], whatIsWrong: "wrong" })).toThrow();
  });

  it("a double submit makes one request", async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([ask("child", undefined, { submissionKey: key }), ask("child", undefined, { submissionKey: key })].map((p) => p.catch((e: unknown) => e)));
    const ids = [a, b].filter((x): x is { id: string } => typeof x === "object" && x !== null && "id" in x).map((x) => x.id);
    expect(new Set(ids).size).toBe(1);
    expect(await db.prisma.rectificationRequest.count({ where: { submissionKey: key } })).toBe(1);
  });

  it("pauses for a question, restarts on the answer with the days added, and extends only in the first month", async () => {
    const { id } = await ask("child");
    await startReview(ref("caseworker", id));
    let seen = await detail("caseworker", id);
    expect(seen.status).toBe("in_review");
    clock.set(new Date("2026-12-01T10:00:00Z"));
    await askQuestion({ ...ref("caseworker", id), version: seen.version, note: "Which visit do you mean?" });
    expect((await detail("child", id)).clock).toEqual({ kind: "paused", since: "2026-12-01" });
    await expect(answerQuestion({ ...ref("mother", id), note: "x" })).rejects.toBeInstanceOf(NotFound);
    clock.set(new Date("2026-12-08T10:00:00Z"));
    await answerQuestion({ ...ref("child", id), note: "The one in January." });
    seen = await detail("child", id);
    // 25 December + 7 days paused = Friday 1 January (a bank holiday): Monday 4 January.
    expect(seen.clock).toMatchObject({ kind: "running", dueOn: "2027-01-04" });
    await expect(extendRequest({ ...ref("caseworker", id), version: seen.version, months: 3, reason: "Complex" })).rejects.toBeInstanceOf(Invalid);
    await expect(extendRequest({ ...ref("child", id), version: seen.version, months: 1, reason: "x" })).rejects.toBeInstanceOf(NotFound);
    await extendRequest({ ...ref("caseworker", id), version: seen.version, months: 2, reason: "We need to ask the school." });
    seen = await detail("child", id);
    expect(seen.extensionReason).toBe("We need to ask the school.");
    expect(seen.clock).toMatchObject({ dueOn: "2027-03-04" }); // 25 February + 7 days: Thursday 4 March
    expect(seen.events.map((e) => e.kind)).toEqual(["received", "review_started", "question_asked", "question_answered", "extended"]);
  });

  it("refuses an extension once the first month is over", async () => {
    const { id } = await ask("child");
    clock.set(new Date("2027-01-12T10:00:00Z"));
    const seen = await detail("caseworker", id);
    await expect(extendRequest({ ...ref("caseworker", id), version: seen.version, months: 1, reason: "Late" })).rejects.toMatchObject({ problems: [{ message: "corrections:errors.extension.firstMonthOver" }] });
    clock.set(new Date("2026-11-25T10:00:00Z"));
  });

  it("a correction makes a new version of the entry; the earlier one stays; the requester is told", async () => {
    const { id } = await ask("child", [`${entry("E-BOTH")}:0`]);
    const before = await findEntryForViewer({ db: db.prisma, actor: actor("child"), childId: fx.A.id, entryId: entry("E-BOTH"), locale: "en" });
    const oldText = before.kind === "readable" ? before.sections[0]!.text : "";
    const seen = await detail("caseworker", id);
    await decideRequest({ ...ref("caseworker", id), version: seen.version, outcome: "corrected", reason: "", fixes: [{ entryId: entry("E-BOTH"), position: 0, text: "The visit was on 6 January." }] });
    const after = await findEntryForViewer({ db: db.prisma, actor: actor("child"), childId: fx.A.id, entryId: entry("E-BOTH"), locale: "en" });
    expect(after.kind === "readable" && after.sections[0]!.text).toBe("The visit was on 6 January.");
    const versions = await db.prisma.entryVersion.findMany({ where: { entryId: entry("E-BOTH") }, orderBy: { version: "asc" } });
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(versions[versions.length - 2]!.content)).toContain(oldText.slice(0, 20));
    expect((await detail("child", id)).outcome).toBe("corrected");
    expect(await db.prisma.outboxMessage.count({ where: { recipientId: actor("child").userId, link: { contains: id }, kind: "correction-answered" } })).toBe(1);
    await recordRecipientsTold({ ...ref("caseworker", id), version: (await detail("caseworker", id)).version, note: "Told the school by letter." });
    await expect(withdrawRequest(ref("child", id))).rejects.toBeInstanceOf(Conflict);
    await expect(decideRequest({ ...ref("manager", id), version: (await detail("manager", id)).version, outcome: "not_corrected", reason: "No", fixes: [] })).rejects.toBeInstanceOf(Conflict);
  });

  it("not corrected: the reasons are kept, and the requester's statement of disagreement stands with the entry", async () => {
    const { id } = await ask("mother", [entry("CS")]);
    const seen = await detail("caseworker", id);
    await expect(decideRequest({ ...ref("caseworker", id), version: seen.version, outcome: "not_corrected", reason: "", fixes: [] })).rejects.toBeInstanceOf(Invalid);
    await decideRequest({ ...ref("caseworker", id), version: seen.version, outcome: "not_corrected", reason: "This is the worker's opinion, recorded as opinion.", fixes: [] });
    await expect(addDisagreement({ ...ref("father", id), entryId: entry("CS"), text: "x" })).rejects.toBeInstanceOf(NotFound);
    await expect(addDisagreement({ ...ref("mother", id), entryId: entry("E-BOTH"), text: "x" })).rejects.toBeInstanceOf(NotFound);
    await addDisagreement({ ...ref("mother", id), entryId: entry("CS"), text: "I do not agree: I was at every meeting." });
    const statements = await db.prisma.disagreementStatement.findMany({ where: { entryId: entry("CS") } });
    expect(statements.map((s) => s.text)).toEqual(["I do not agree: I was at every meeting."]);
    await expect(db.prisma.disagreementStatement.deleteMany({ where: { entryId: entry("CS") } })).rejects.toThrow();
  });

  it("two caseworkers deciding at once: one wins, the other gets a conflict, nothing is lost", async () => {
    const { id } = await ask("child", [`${entry("PLAN-NEW")}:0`]);
    const { version } = await detail("caseworker", id);
    const results = await Promise.allSettled([
      decideRequest({ ...ref("caseworker", id), version, outcome: "corrected", reason: "", fixes: [{ entryId: entry("PLAN-NEW"), position: 0, text: "First wording." }] }),
      decideRequest({ ...ref("manager", id), version, outcome: "not_corrected", reason: "Second decision.", fixes: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(Conflict);
    const events = await db.prisma.rectificationEvent.findMany({ where: { requestId: id, kind: { in: ["corrected", "not_corrected"] } } });
    expect(events).toHaveLength(1);
  });

  it("a withdrawn request cannot be decided; staff see open requests with overdue ones first", async () => {
    const { id } = await ask("child");
    await withdrawRequest(ref("child", id));
    const { version } = await detail("caseworker", id);
    await expect(decideRequest({ ...ref("caseworker", id), version, outcome: "not_corrected", reason: "No", fixes: [] })).rejects.toBeInstanceOf(Conflict);
    const open = await findOpenRequests({ db: db.prisma, actor: actor("manager"), now: new Date("2027-01-20T10:00:00Z") });
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.map((i) => i.id)).not.toContain(id);
    expect(open.overdue).toBeGreaterThan(0);
    expect(await findOpenRequests({ db: db.prisma, actor: actor("otherManager"), now: clock.now() })).toEqual({ items: [], overdue: 0, dueSoon: 0 });
    expect(await findOpenRequests({ db: db.prisma, actor: actor("child"), now: clock.now() })).toEqual({ items: [], overdue: 0, dueSoon: 0 });
  });
  it("what a decision leaves stands with the entry for everyone who reads it: earlier wording, the statement, the marker, the PDF text", async () => {
    const corrected = await ask("child", [`${entry("THING")}:0`]);
    const v = (await detail("caseworker", corrected.id)).version;
    await decideRequest({ ...ref("caseworker", corrected.id), version: v, outcome: "corrected", reason: "", fixes: [{ entryId: entry("THING"), position: 0, text: "Corrected wording." }] });
    for (const who of ["child", "father", "caseworker"] as const) {
      const seen = await findEntryForViewer({ db: db.prisma, actor: actor(who), childId: fx.A.id, entryId: entry("THING"), locale: "en" });
      expect(seen.kind === "readable" && seen.earlierVersions.length, who).toBe(1);
    }
    const refused = await ask("mother", [entry("RWW-DONE")]);
    await decideRequest({ ...ref("caseworker", refused.id), version: (await detail("caseworker", refused.id)).version, outcome: "not_corrected", reason: "It is correct.", fixes: [] });
    await addDisagreement({ ...ref("mother", refused.id), entryId: entry("RWW-DONE"), text: "I was not told about this review." });
    for (const who of ["father", "child", "manager"] as const) {
      const seen = await findEntryForViewer({ db: db.prisma, actor: actor(who), childId: fx.A.id, entryId: entry("RWW-DONE"), locale: "en" });
      expect(seen.kind === "readable" && seen.disagreements.map((d) => d.text), who).toEqual(["I was not told about this review."]);
    }
    const page = await findChronology({ db: db.prisma, actor: actor("father"), childId: fx.A.id, locale: "en", query: parseChronologyQuery({}) });
    expect(page.items.filter((i) => i.disputed).map((i) => i.id)).toContain(entry("RWW-DONE"));
    const copy = await collectCopy({ db: db.prisma, actor: actor("child"), childId: fx.A.id, locale: "en" });
    const inCopy = [];
    for await (const e of copy.entries) if (e.id === entry("RWW-DONE")) inCopy.push(e);
    expect(inCopy[0]?.disagreements).toEqual([{ name: actor("mother").displayName, text: "I was not told about this review." }]);
  });

  it("names whom to tell from the sharing log: shares of the entry or of the whole record, never shares of other entries", async () => {
    const share = (recipientName: string, what: "entries" | "whole_record", entryIds?: string[]) =>
      recordShare({ db: db.prisma, clock, actor: actor("caseworker"), share: {
        childId: fx.A.id, lawfulBasis: "child_safety", recipient: "named_org", recipientName, what, entryIds, purpose: "Keeping Amira safe", reason: "A safety plan", sharedOn: "2026-11-20",
      } });
    await share("Family Centre", "entries", [entry("E-BOTH")]);
    await share("Youth Club", "entries", [entry("CS")]);
    await share("Clinic", "whole_record");
    const { id } = await ask("child");
    const told = (await detail("caseworker", id)).sharedWith.map((s) => s.recipientName).sort();
    expect(told).toEqual(["Clinic", "Family Centre"]);
    expect((await detail("child", id)).sharedWith).toEqual([]); // a staff list: whom the council must tell
  });
});
