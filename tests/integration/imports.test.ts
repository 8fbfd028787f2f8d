import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, SystemActor } from "../../lib/access/actor.ts";
import { fixedClock, type Clock } from "../../lib/clock.ts";
import { importRecords, type ImportResult } from "../../lib/imports/apply.ts";
import type { ImportFile, ImportSummary } from "../../lib/imports/types.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { findAttachmentForViewer, findThings } from "../../lib/records/things.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { readStoredFile, testFileStore } from "../helpers/files.ts";

const root = path.resolve(import.meta.dirname, "../..");
const demoBytes = fs.readFileSync(path.join(root, "prisma/demo/case-records.json"));
const actor: SystemActor = { userId: null, role: "system", displayName: "import test" };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(24)]);

// Every table an import writes to (directly or through the audit log).
const TABLES = [
  "child", "person", "childPerson", "entry", "entrySection", "entryTranslation", "entryExclusion",
  "restriction", "entryVersion", "attachment", "storedFile", "fileBlob", "fileBlobChunk", "importRun", "auditEvent",
] as const;

/** A small extract with every part of the format; ids are unique to the tag so tests do not collide. */
function makeDoc(tag: string): ImportFile {
  const author = { name: "J. Patel", role: "Social worker" };
  return {
    format: "case-record-import",
    version: 1,
    exportedAt: "2026-11-01T09:00:00+00:00",
    source: "LCS",
    children: [
      {
        externalId: `C-${tag}`,
        fullName: "Amira Test",
        preferredName: "Amira",
        dateOfBirth: "2013-04-02",
        preferredLanguage: "ur",
        people: [
          { externalId: `P-${tag}-m`, fullName: "Sana Test", relationship: "mother", parentalResponsibility: true, livesWithChild: true, preferredLanguage: "ur" },
          { externalId: `P-${tag}-f`, fullName: "Imran Test", relationship: "father", parentalResponsibility: true },
          { externalId: `P-${tag}-c`, fullName: "David Test", relationship: "foster-carer", livesWithChild: true },
        ],
        entries: [
          {
            externalId: "E-1",
            type: "visit",
            title: "Home visit",
            occurredAt: "2026-10-03T15:00:00+01:00",
            recordedAt: "2026-10-06T10:00:00+01:00",
            author,
            visit: { venue: "Home", present: ["Amira", "J. Patel"], childSeen: true, childSeenAlone: true, interpreterUsed: true },
            sections: [
              { text: "Amira showed me her room.", nature: "fact", source: "first-hand" },
              { text: "Attendance is up.", nature: "fact", source: "third-party", sourceName: "Designated teacher" },
            ],
            status: "current",
            sharing: { withChild: true, withFamily: true, excludePeople: [`P-${tag}-f`], readWithWorker: true },
            translations: [
              { locale: "ur", title: "گھر کا دورہ", sections: ["امیرہ نے مجھے اپنا کمرہ دکھایا۔", "حاضری بہتر ہے۔"], translatedBy: "F. Ali", translatedAt: "2026-10-07T10:00:00+01:00" },
            ],
            belongsToChild: true,
            originalLocation: "With Amira",
            attachments: [{ externalId: "A-1", fileName: "drawing.png", mediaType: "image/png", contentBase64: PNG.toString("base64") }],
          },
          {
            externalId: "E-2",
            type: "decision",
            title: "Strategy discussion",
            occurredAt: "2026-10-04T09:00:00+01:00",
            recordedAt: "2026-10-04T12:00:00+01:00",
            author,
            decision: { madeBy: "Team manager", reasons: "Reasonable cause to suspect harm." },
            sections: [{ text: "We agreed an s.47 enquiry.", nature: "decision", source: "first-hand" }],
            status: "current",
            sharing: { withChild: false, withFamily: false, restriction: { reason: "confidential", decidedBy: "Team manager", reviewDue: "2027-01-31" } },
          },
          {
            externalId: "E-3",
            type: "case-summary",
            title: "Case summary (first draft)",
            occurredAt: "2026-10-05T09:00:00+01:00",
            recordedAt: "2026-10-05T10:00:00+01:00",
            author,
            sections: [{ text: "Settled.", nature: "opinion", source: "first-hand" }],
            status: "historical",
            sharing: { withChild: true, withFamily: true },
          },
          {
            externalId: "E-4",
            type: "case-summary",
            title: "Case summary",
            occurredAt: "2026-10-05T09:00:00+01:00",
            recordedAt: "2026-10-05T11:00:00+01:00",
            author,
            sections: [{ text: "Amira is settled.", nature: "judgement", source: "first-hand" }],
            status: "current",
            supersedes: "E-3",
            sharing: { withChild: true, withFamily: true },
          },
        ],
      },
    ],
  };
}

const asBytes = (doc: unknown) => Buffer.from(JSON.stringify(doc));
const counts = (created: number, updated: number, unchanged: number) => ({ created, updated, unchanged });

describe.each(databaseKinds())("case-record import on %s", (kind) => {
  let db: TestDb;
  const clock = fixedClock("2026-11-02T10:00:00Z");

  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db?.drop());

  const run = (raw: string | Uint8Array, runClock: Clock = clock): Promise<ImportResult> =>
    importRecords({ db: db.prisma, files: testFileStore, clock: runClock, actor, raw, fileName: "extract.json" });

  async function imported(raw: string | Uint8Array): Promise<ImportSummary> {
    const result = await run(raw);
    if (!result.ok) throw new Error(`import rejected: ${JSON.stringify(result.problems)}`);
    return result.summary;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      TABLES.map(async (table) => [table, await (db.prisma[table] as unknown as { count(): Promise<number> }).count()] as const),
    );
    return Object.fromEntries(entries);
  }

  const entryOf = (tag: string, externalId: string) =>
    db.prisma.entry.findFirstOrThrow({
      where: { externalId, child: { externalId: `C-${tag}` } },
      include: { sections: { orderBy: { position: "asc" } }, translations: true, exclusions: { include: { person: true } }, restriction: true, attachments: { include: { file: true } }, versions: { orderBy: { version: "asc" } } },
    });

  it("creates the child, people, links and entries with all their parts", async () => {
    const tag = randomBytes(4).toString("hex");
    const summary = await imported(asBytes(makeDoc(tag)));
    expect(summary).toMatchObject({ children: counts(1, 0, 0), people: counts(3, 0, 0), entries: counts(4, 0, 0) });

    const child = await db.prisma.child.findUniqueOrThrow({ where: { externalId: `C-${tag}` }, include: { people: { include: { person: true } } } });
    expect(child).toMatchObject({ fullName: "Amira Test", preferredName: "Amira", preferredLanguage: "ur", identifier: null });
    expect(child.dateOfBirth.toISOString()).toBe("2013-04-02T00:00:00.000Z");
    const links = Object.fromEntries(child.people.map((l) => [l.person.externalId, l]));
    expect(links[`P-${tag}-m`]).toMatchObject({ relationship: "mother", parentalResponsibility: true, livesWithChild: true });
    expect(links[`P-${tag}-f`]).toMatchObject({ relationship: "father", parentalResponsibility: true, livesWithChild: false });
    expect(links[`P-${tag}-c`]).toMatchObject({ relationship: "foster_carer", parentalResponsibility: false, livesWithChild: true });

    const visit = await entryOf(tag, "E-1");
    expect(visit).toMatchObject({ type: "visit", version: 1, status: "current", withChild: true, withFamily: true, readWithWorker: true, belongsToChild: true, originalLocation: "With Amira", restriction: null });
    expect(visit.recordedAt.toISOString()).toBe("2026-10-06T09:00:00.000Z");
    expect(visit.visit).toMatchObject({ venue: "Home", childSeenAlone: true, interpreterUsed: true });
    expect(visit.sections.map((s) => [s.position, s.nature, s.source, s.sourceName])).toEqual([
      [0, "fact", "first_hand", null],
      [1, "fact", "third_party", "Designated teacher"],
    ]);
    expect(visit.translations).toEqual([expect.objectContaining({ locale: "ur", title: "گھر کا دورہ", sections: ["امیرہ نے مجھے اپنا کمرہ دکھایا۔", "حاضری بہتر ہے۔"], checkedBy: null })]);
    expect(visit.exclusions.map((x) => x.person.externalId)).toEqual([`P-${tag}-f`]);

    // The attachment: registered once, bytes in the store, the version keeps its hash not its base64.
    expect(visit.attachments).toHaveLength(1);
    expect(visit.attachments[0]).toMatchObject({ externalId: "A-1", fileName: "drawing.png", mediaType: "image/png" });
    const file = visit.attachments[0].file;
    expect(file).toMatchObject({ fileName: "drawing.png", mediaType: "image/png", size: PNG.length });
    expect(await readStoredFile(db.prisma, file.storageKey)).toEqual(PNG);
    expect(visit.versions).toHaveLength(1);
    const stored = JSON.stringify(visit.versions[0].content);
    expect(stored).toContain(file.sha256);
    expect(stored).not.toContain(PNG.toString("base64"));

    const decision = await entryOf(tag, "E-2");
    expect(decision).toMatchObject({ type: "decision", withChild: false, withFamily: false, decision: { madeBy: "Team manager" }, visit: null });
    expect(decision.restriction).toMatchObject({ reason: "confidential", decidedBy: "Team manager", note: null });
    expect(decision.restriction!.reviewDue!.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(await entryOf(tag, "E-4")).toMatchObject({ type: "case_summary", supersedesExternalId: "E-3", status: "current" });
    expect(await entryOf(tag, "E-3")).toMatchObject({ status: "historical" });

    // The run and its audit event.
    const runRow = await db.prisma.importRun.findUniqueOrThrow({ where: { id: summary.importRunId } });
    expect(runRow).toMatchObject({ source: "LCS", status: "succeeded", summary: expect.objectContaining({ fileName: "extract.json" }) });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: summary.importRunId } });
    expect(audit).toMatchObject({ action: "records.import", actorRole: "system", detail: { entries: counts(4, 0, 0) } });
  });

  type Breaker = [label: string, path: string, breakIt: (doc: any) => unknown]; // eslint-disable-line @typescript-eslint/no-explicit-any
  // Each problem is in the second child, so the first (valid) child would be written if the
  // import were not all-or-nothing.
  const breakers: Breaker[] = [
    ["an unknown field", "children[1].entries[3].mood", (d) => (d.children[1].entries[3].mood = "happy")],
    ["a missing required field", "children[1].entries[0].author", (d) => delete d.children[1].entries[0].author],
    ["a bad date and time", "children[1].entries[2].occurredAt", (d) => (d.children[1].entries[2].occurredAt = "2026-10-05 09:00")],
    ["a bad date of birth", "children[1].dateOfBirth", (d) => (d.children[1].dateOfBirth = "2013-13-01")],
    ["a bad enum value", "children[1].entries[1].sharing.restriction.reason", (d) => (d.children[1].entries[1].sharing.restriction.reason = "secret")],
    ["a duplicate entry externalId", "children[1].entries[3].externalId", (d) => (d.children[1].entries[3].externalId = "E-1")],
    ["a duplicate child externalId", "children[1].externalId", (d) => (d.children[1].externalId = d.children[0].externalId)],
    ["an exclusion naming an unknown person", "children[1].entries[0].sharing.excludePeople[0]", (d) => (d.children[1].entries[0].sharing.excludePeople = ["P-nobody"])],
    ["supersedes naming an unknown entry", "children[1].entries[3].supersedes", (d) => (d.children[1].entries[3].supersedes = "E-404")],
    ["an attachment that is not the declared type", "children[1].entries[0].attachments[0].contentBase64", (d) => (d.children[1].entries[0].attachments[0].mediaType = "application/pdf")],
    ["a NUL character in text", "children[1].entries[3].sections[0].text", (d) => (d.children[1].entries[3].sections[0].text = "a\u0000b")],
  ];

  it.each(breakers)("writes nothing at all for %s", async (_label, problemPath, breakIt) => {
    const doc = makeDoc(randomBytes(4).toString("hex"));
    doc.children.push(makeDoc(randomBytes(4).toString("hex")).children[0]);
    breakIt(doc);
    const before = await rowCounts();

    const result = await run(asBytes(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(problemPath);
    // File bytes included (fileBlob, fileBlobChunk): the attachments of valid entries too.
    expect(await rowCounts()).toEqual(before);
  });

  it("writes nothing at all for a file that is not JSON", async () => {
    const before = await rowCounts();
    const result = await run('{"format": "case-record-import", "children": [');
    expect(result).toEqual({ ok: false, problems: [{ path: "$", message: expect.stringMatching(/^is not valid JSON/) }] });
    expect(await rowCounts()).toEqual(before);
  });

  it("rolls back every row when the database step fails part-way", async () => {
    let calls = 0;
    // The clock is read once before the transaction and again at its end, after every row is written.
    const failing: Clock = {
      now() {
        calls += 1;
        if (calls > 1) throw new Error("clock failed");
        return new Date("2026-11-02T10:00:00Z");
      },
    };
    const tag = randomBytes(4).toString("hex");
    const before = await rowCounts();
    await expect(run(asBytes(makeDoc(tag)), failing)).rejects.toThrow("clock failed");
    expect(calls).toBeGreaterThan(1);
    expect(await rowCounts()).toEqual(before);
    expect(await db.prisma.child.findUnique({ where: { externalId: `C-${tag}` } })).toBeNull();
  });

  it("changes nothing when the same file is imported twice", async () => {
    const raw = asBytes(makeDoc(randomBytes(4).toString("hex")));
    await imported(raw);
    const before = await rowCounts();
    const entriesBefore = await db.prisma.entry.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, updatedAt: true } });

    const again = await imported(raw);
    expect(again).toMatchObject({ children: counts(0, 0, 1), people: counts(0, 0, 3), entries: counts(0, 0, 4) });
    // Only the run itself is recorded: one ImportRun and its audit event.
    expect(await rowCounts()).toEqual({ ...before, importRun: before.importRun + 1, auditEvent: before.auditEvent + 1 });
    expect(await db.prisma.entry.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, updatedAt: true } })).toEqual(entriesBefore);
  });

  it("updates a changed entry and keeps the earlier version in its history", async () => {
    const tag = randomBytes(4).toString("hex");
    const first = makeDoc(tag);
    await imported(asBytes(first));

    const second = makeDoc(tag);
    const visit = second.children[0].entries[0];
    visit.title = "Home visit (corrected)";
    visit.sections[0].text = "Amira showed me her new room.";
    visit.sections.push({ text: "Amira seems happy.", nature: "opinion", source: "first-hand" });
    visit.translations = [];
    visit.sharing = { withChild: true, withFamily: true, excludePeople: [`P-${tag}-f`, `P-${tag}-c`] };
    const decision = second.children[0].entries[1];
    decision.sharing = { withChild: true, withFamily: true };
    second.children[0].people![0].livesWithChild = false;

    const summary = await imported(asBytes(second));
    expect(summary).toMatchObject({ children: counts(0, 0, 1), people: counts(0, 1, 2), entries: counts(0, 2, 2) });

    const updated = await entryOf(tag, "E-1");
    expect(updated).toMatchObject({ version: 2, title: "Home visit (corrected)", readWithWorker: false });
    expect(updated.sections.map((s) => s.text)).toEqual(["Amira showed me her new room.", "Attendance is up.", "Amira seems happy."]);
    expect(updated.translations).toEqual([]);
    expect(updated.exclusions.map((x) => x.person.externalId).sort()).toEqual([`P-${tag}-c`, `P-${tag}-f`].sort());
    expect(updated.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(updated.versions[0].content).toMatchObject({ title: "Home visit", sections: [{ text: "Amira showed me her room." }, { text: "Attendance is up." }] });
    expect(updated.versions[1].content).toMatchObject({ title: "Home visit (corrected)" });
    expect(updated.versions[0].contentHash).not.toBe(updated.versions[1].contentHash);
    expect(updated.versions[1].contentHash).toBe(updated.contentHash);
    expect(updated.versions[0].importId).not.toBe(updated.versions[1].importId);
    // The attachment did not change, so its bytes are still registered once.
    expect(await db.prisma.storedFile.count({ where: { sha256: updated.attachments[0].file.sha256 } })).toBe(1);

    const lifted = await entryOf(tag, "E-2");
    expect(lifted).toMatchObject({ version: 2, withChild: true, restriction: null });
    expect(lifted.versions[0].content).toMatchObject({ sharing: { restriction: { reason: "confidential" } } });
    expect((await entryOf(tag, "E-4")).version).toBe(1);
    const link = await db.prisma.childPerson.findFirstOrThrow({ where: { person: { externalId: `P-${tag}-m` } } });
    expect(link.livesWithChild).toBe(false);
  });

  it("keeps each record's own name for bytes that another record also holds", async () => {
    const [tagA, tagB] = [randomBytes(4).toString("hex"), randomBytes(4).toString("hex")];
    const shared = Buffer.concat([PNG.subarray(0, 8), randomBytes(24)]).toString("base64");
    const withFile = (tag: string, fileName: string) => {
      const doc = makeDoc(tag);
      doc.children[0].entries[0].attachments = [{ externalId: "A-1", fileName, mediaType: "image/png", contentBase64: shared }];
      return doc;
    };
    await imported(asBytes(withFile(tagA, "Amira Khan - CP plan.png")));
    const docB = withFile(tagB, "My drawing.png");
    await imported(asBytes(docB));

    const [a, b] = [(await entryOf(tagA, "E-1")).attachments[0], (await entryOf(tagB, "E-1")).attachments[0]];
    expect(a.fileId).toBe(b.fileId); // the bytes are stored once
    expect(a).toMatchObject({ fileName: "Amira Khan - CP plan.png", mediaType: "image/png" });
    expect(b).toMatchObject({ fileName: "My drawing.png", mediaType: "image/png" });
    // The shared register keeps the first name; nothing a viewer sees may read it, which the
    // sentinel values make visible (an import cannot give the same bytes two media types).
    expect(a.file.fileName).toBe("Amira Khan - CP plan.png");
    await db.prisma.storedFile.update({ where: { id: a.fileId }, data: { fileName: "first-stored.png", mediaType: "application/octet-stream" } });

    // A caseworker allocated to child B only.
    const childB = await db.prisma.child.findUniqueOrThrow({ where: { externalId: `C-${tagB}` } });
    const user = await db.prisma.user.create({ data: { username: `cw-${tagB}`, passwordHash: "x", role: "caseworker", displayName: "B's worker" } });
    await db.prisma.grant.create({ data: { kind: "allocation", childId: childB.id, userId: user.id } });
    const viewer: Actor = { userId: user.id, role: "caseworker", displayName: user.displayName };

    const things = await findThings({ db: db.prisma, actor: viewer, childId: childB.id, locale: "en" });
    const files = things.flatMap((t) => t.files);
    expect(files).toEqual([{ id: b.id, fileName: "My drawing.png", mediaType: "image/png", size: a.file.size }]);
    const download = await findAttachmentForViewer({ db: db.prisma, actor: viewer, childId: childB.id, attachmentId: b.id });
    expect(download).toMatchObject({ fileName: "My drawing.png", mediaType: "image/png", storageKey: a.file.storageKey, size: a.file.size });
    const view = await findEntryForViewer({ db: db.prisma, actor: viewer, childId: childB.id, entryId: b.entryId, locale: "en" });
    expect(view).toMatchObject({ kind: "readable", attachments: [{ id: b.id, fileName: "My drawing.png", mediaType: "image/png" }] });
    expect(JSON.stringify([things, download, view])).not.toMatch(/Amira Khan|first-stored|octet-stream/);
    // A's attachment is not reachable through B's record.
    await expect(findAttachmentForViewer({ db: db.prisma, actor: viewer, childId: childB.id, attachmentId: a.id })).rejects.toThrow();

    // A newer extract renaming B's file updates B's attachment only; importing it again changes nothing.
    docB.children[0].entries[0].attachments![0].fileName = "My drawing (Year 7).png";
    expect((await imported(asBytes(docB))).entries).toEqual(counts(0, 1, 3));
    expect((await entryOf(tagB, "E-1")).attachments[0]).toMatchObject({ fileName: "My drawing (Year 7).png", fileId: a.fileId });
    expect((await entryOf(tagA, "E-1")).attachments[0]).toMatchObject({ id: a.id, fileName: "Amira Khan - CP plan.png" });
    const before = await rowCounts();
    expect((await imported(asBytes(docB))).entries).toEqual(counts(0, 0, 4));
    expect(await rowCounts()).toEqual({ ...before, importRun: before.importRun + 1, auditEvent: before.auditEvent + 1 });
    expect((await entryOf(tagB, "E-1")).attachments[0].fileName).toBe("My drawing (Year 7).png");
  });

  it("accepts a later file whose entry supersedes one imported earlier", async () => {
    const tag = randomBytes(4).toString("hex");
    await imported(asBytes(makeDoc(tag)));
    const later = makeDoc(tag);
    const child = later.children[0];
    child.entries = [{ ...child.entries[3], externalId: "E-5", title: "Case summary (update)", supersedes: "E-4" }];
    const summary = await imported(asBytes(later));
    expect(summary.entries).toEqual(counts(1, 0, 0));
    expect(await entryOf(tag, "E-5")).toMatchObject({ supersedesExternalId: "E-4" });
    // Entries left out of a later file are kept.
    expect(await db.prisma.entry.count({ where: { child: { externalId: `C-${tag}` } } })).toBe(5);
  });

  it("lets a later file exclude someone linked to the child earlier, but not someone else's relative", async () => {
    const tag = randomBytes(4).toString("hex");
    const other = randomBytes(4).toString("hex");
    await imported(asBytes(makeDoc(tag)));
    await imported(asBytes(makeDoc(other)));
    const later = makeDoc(tag);
    const child = later.children[0];
    child.people = [];
    child.entries = [{ ...child.entries[3], externalId: "E-6", supersedes: undefined, sharing: { withChild: true, withFamily: true, excludePeople: [`P-${tag}-f`] } }];
    expect((await imported(asBytes(later))).entries).toEqual(counts(1, 0, 0));
    expect((await entryOf(tag, "E-6")).exclusions.map((x) => x.person.externalId)).toEqual([`P-${tag}-f`]);

    const before = await rowCounts();
    child.entries[0] = { ...child.entries[0], externalId: "E-7", sharing: { withChild: true, withFamily: true, excludePeople: [`P-${other}-f`] } };
    const rejected = await run(asBytes(later));
    expect(rejected.ok ? [] : rejected.problems.map((p) => p.path)).toEqual(["children[0].entries[0].sharing.excludePeople[0]"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("imports the demo file cleanly, and again without changes", async () => {
    const first = await imported(demoBytes);
    expect(first).toMatchObject({ children: counts(3, 0, 0), people: counts(12, 0, 0), entries: counts(43, 0, 0) });
    const demo = { child: { externalId: { in: ["C-1001", "C-1002", "C-1003"] } } };
    const reasons = await db.prisma.restriction.findMany({ where: { entry: demo }, select: { reason: true } });
    expect(new Set(reasons.map((r) => r.reason))).toEqual(new Set(["serious_harm", "confidential", "third_party", "court"]));
    expect(await db.prisma.entryTranslation.count({ where: { locale: "ur", entry: demo } })).toBeGreaterThanOrEqual(4);
    expect(await db.prisma.entryExclusion.count({ where: { person: { externalId: "P-2" } } })).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.attachment.count({ where: { entry: demo } })).toBe(2);
    const late = await db.prisma.entry.findMany({ where: demo, select: { occurredAt: true, recordedAt: true } });
    expect(late.filter((e) => e.recordedAt.getTime() - e.occurredAt.getTime() > 24 * 3600_000).length).toBeGreaterThanOrEqual(5);
    const ids = ["P-1", "P-2", "P-20", "P-30"];
    expect((await db.prisma.person.findMany({ where: { externalId: { in: ids } } })).length).toBe(ids.length);

    expect(await imported(demoBytes)).toMatchObject({ children: counts(0, 0, 3), people: counts(0, 0, 12), entries: counts(0, 0, 43) });
  });
});
