import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemActor } from "../../lib/access/actor.ts";
import { fixedClock } from "../../lib/clock.ts";
import type { Db } from "../../lib/db/connect.ts";
import { importRecords, type ImportProgress } from "../../lib/imports/apply.ts";
import type { ImportFile } from "../../lib/imports/types.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { makeExtract } from "../helpers/import-extract.ts";

// Large extracts are written in batches: a handful of statements per table, not several per
// entry, and still all or nothing, idempotent, and versioned.

const actor: SystemActor = { userId: null, role: "system", displayName: "import test" };
const clock = fixedClock("2026-11-02T10:00:00Z");
const TABLES = ["child", "person", "childPerson", "entry", "entrySection", "entryTranslation", "entryExclusion", "restriction", "entryVersion", "attachment", "storedFile", "fileBlob", "fileBlobChunk", "importRun", "auditEvent"] as const;

describe.each(databaseKinds())("batched import on %s", (kind) => {
  let db: TestDb;
  let statements = 0;
  let counted: Db;

  beforeAll(async () => {
    db = await createTestDb(kind);
    // Counts every statement the import sends (queries, writes and raw SQL alike).
    counted = db.prisma.$extends({
      query: {
        async $allOperations({ args, query }) {
          statements += 1;
          return query(args);
        },
      },
    }) as unknown as Db;
  });
  afterAll(async () => {
    await db?.drop();
  });

  const run = (doc: ImportFile, onProgress?: (p: ImportProgress) => void) =>
    importRecords({ db: counted, files: testFileStore, clock, actor, raw: Buffer.from(JSON.stringify(doc)), onProgress });

  async function rowCounts(): Promise<Record<string, number>> {
    const pairs = await Promise.all(TABLES.map(async (t) => [t, await (db.prisma[t] as unknown as { count(): Promise<number> }).count()] as const));
    return Object.fromEntries(pairs);
  }

  const entryOf = (tag: string, child: number, externalId: string) =>
    db.prisma.entry.findFirstOrThrow({
      where: { externalId, child: { externalId: `C-${tag}-${child}` } },
      include: { sections: { orderBy: { position: "asc" } }, translations: true, exclusions: { include: { person: true } }, restriction: true, attachments: true, versions: { orderBy: { version: "asc" } } },
    });

  it("writes 2,500 entries in a few dozen statements, reporting progress per batch", { timeout: 240_000 }, async () => {
    const tag = randomBytes(4).toString("hex");
    const doc = makeExtract({ children: 5, perChild: 500, tag });
    const progress: ImportProgress[] = [];
    statements = 0;
    const result = await run(doc, (p) => progress.push(p));
    expect(result).toMatchObject({ ok: true, summary: { children: { created: 5 }, people: { created: 15 }, entries: { created: 2500, updated: 0, unchanged: 0 } } });
    // One entry at a time took about seven statements per entry (17,500 here).
    expect(statements).toBeLessThan(60);
    expect(progress).toEqual([{ entriesWritten: 2000, entries: 2500 }, { entriesWritten: 2500, entries: 2500 }]);

    // Every part of an entry written in the second batch, as the file has it.
    const source = doc.children[4].entries[425];
    const entry = await entryOf(tag, 4, "E-425");
    expect(entry).toMatchObject({ type: source.type, title: source.title, version: 1, status: "current", withChild: true, withFamily: true, readWithWorker: true, authorName: "J. Patel", originatorName: null, decision: null, visit: null, supersedesExternalId: null });
    expect(entry.occurredAt.toISOString()).toBe(source.occurredAt);
    expect(entry.sections.map((s) => [s.position, s.text, s.nature, s.source, s.sourceName])).toEqual(
      source.sections.map((s, i) => [i, s.text, s.nature, s.source.replace("-", "_"), s.sourceName ?? null]),
    );
    expect(entry.exclusions.map((x) => x.person.externalId)).toEqual([`P-${tag}-4-f`]);
    expect(entry.versions).toHaveLength(1);
    expect(entry.versions[0]).toMatchObject({ version: 1, contentHash: entry.contentHash, content: expect.objectContaining({ title: source.title }) });
    const restricted = await entryOf(tag, 4, "E-413");
    expect(restricted.restriction).toMatchObject({ reason: "confidential", decidedBy: "Team manager", note: null });
    expect(restricted.restriction!.reviewDue!.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    const translated = await entryOf(tag, 4, "E-421");
    expect(translated.translations).toEqual([expect.objectContaining({ locale: "ur", sections: doc.children[4].entries[421].sections.map(() => "امیرہ نے مجھے اپنا کمرہ دکھایا۔"), checkedBy: null })]);
    expect(translated.translations[0].translatedAt.toISOString()).toBe("2026-10-07T09:00:00.000Z");
    const visit = await entryOf(tag, 4, "E-407");
    expect(visit).toMatchObject({ visit: { venue: "Home", childSeen: true }, attachments: [expect.objectContaining({ externalId: "A-407", fileName: "drawing-407.png", mediaType: "image/png" })] });

    // The same file again changes nothing but the run and its audit row, in fewer statements still.
    const before = await rowCounts();
    statements = 0;
    expect(await run(doc)).toMatchObject({ ok: true, summary: { entries: { created: 0, updated: 0, unchanged: 2500 } } });
    expect(statements).toBeLessThan(25);
    expect(await rowCounts()).toEqual({ ...before, importRun: before.importRun + 1, auditEvent: before.auditEvent + 1 });

    // Changed entries in both batches get a new version; new ones are created beside them.
    const changed = structuredClone(doc);
    changed.children[0].entries[3].sharing = { withChild: true, withFamily: true };
    changed.children[4].entries[425].title = "Letter (corrected)";
    changed.children[4].entries[425].sections.push({ text: "Added later.", nature: "opinion", source: "first-hand" });
    delete changed.children[4].entries[425].translations;
    changed.children[4].entries.push({ ...changed.children[4].entries[0], externalId: "E-new" });
    const court = { reason: "court", decidedBy: "Family court" } as const;
    changed.children[1].entries[0].sharing = { withChild: false, withFamily: true, restriction: court };
    changed.children[1].entries[13].sharing.restriction = court;
    const restrictionBefore = (await entryOf(tag, 1, "E-13")).restriction!;
    expect(await run(changed)).toMatchObject({ ok: true, summary: { entries: { created: 1, updated: 4, unchanged: 2496 } } });
    expect((await entryOf(tag, 1, "E-0")).restriction).toMatchObject({ reason: "court", decidedBy: "Family court", reviewDue: null });
    // Updated in place: manager reviews point at the restriction's id.
    expect((await entryOf(tag, 1, "E-13")).restriction).toMatchObject({ id: restrictionBefore.id, reason: "court", reviewDue: null });
    const lifted = await entryOf(tag, 0, "E-3");
    expect(lifted).toMatchObject({ version: 2, withChild: true, restriction: null });
    const corrected = await entryOf(tag, 4, "E-425");
    expect(corrected).toMatchObject({ id: entry.id, version: 2, title: "Letter (corrected)" });
    expect(corrected.sections.map((s) => s.text).at(-1)).toBe("Added later.");
    expect(corrected.exclusions.map((x) => x.person.externalId)).toEqual([`P-${tag}-4-f`]);
    expect(corrected.versions.map((v) => [v.version, (v.content as { title: string }).title])).toEqual([[1, source.title], [2, "Letter (corrected)"]]);
    expect((await entryOf(tag, 4, "E-new")).version).toBe(1);
  });

  it("leaves nothing behind when a later batch fails", { timeout: 240_000 }, async () => {
    const tag = randomBytes(4).toString("hex");
    const before = await rowCounts();
    // The first batch, with its 40 attachments' bytes, is written inside the transaction before
    // this throws; none of it stays (rowCounts counts fileBlob and fileBlobChunk too).
    const failing = run(makeExtract({ children: 3, perChild: 800, tag }), ({ entriesWritten }) => {
      if (entriesWritten === 2000) throw new Error("stopped after the first batch");
    });
    await expect(failing).rejects.toThrow("stopped after the first batch");
    expect(await rowCounts()).toEqual(before);
    expect(await db.prisma.child.count({ where: { externalId: { startsWith: `C-${tag}` } } })).toBe(0);
  });
});
