import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { NotFound, Invalid } from "../../lib/errors/index.ts";
import { findAccessLog, recordView } from "../../lib/records/access-log.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { releaseEntry } from "../../lib/records/release.ts";
import { findOpenTranslationRequests, hasRequestedTranslation, requestTranslation } from "../../lib/translations/requests.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

// What readers and workers can do to a record from the entry page: a worker releases an entry
// read with the child; a reader asks for a translation that reaches the child's staff.
describe.each(databaseKinds())("record actions on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  const clock = fixedClock(new Date("2026-03-01T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, testFileStore, clock);
  });
  afterAll(() => db?.drop());

  const entry = (label: string) => fx.A.entries.get(label)!;
  const view = (who: keyof VisibilityFixture["accounts"], label: string) =>
    findEntryForViewer({ db: db.prisma, actor: fx.accounts[who].actor, childId: fx.A.id, entryId: entry(label), locale: "en" });

  it("only staff who may read the record can release an entry, and then the child can read it", async () => {
    expect((await view("child", "RWW-WAIT")).kind).toBe("waiting");
    for (const who of ["child", "mother", "advocate", "otherCaseworker", "otherManager", "admin"] as const) {
      await expect(releaseEntry({ db: db.prisma, clock, actor: fx.accounts[who].actor, childId: fx.A.id, entryId: entry("RWW-WAIT") }), who).rejects.toBeInstanceOf(NotFound);
    }
    expect((await view("child", "RWW-WAIT")).kind).toBe("waiting");
    // An entry that is not read-with-worker cannot be "released".
    await expect(releaseEntry({ db: db.prisma, clock, actor: fx.accounts.caseworker.actor, childId: fx.A.id, entryId: entry("E-BOTH") })).rejects.toBeInstanceOf(NotFound);

    await releaseEntry({ db: db.prisma, clock, actor: fx.accounts.caseworker.actor, childId: fx.A.id, entryId: entry("RWW-WAIT") });
    await releaseEntry({ db: db.prisma, clock, actor: fx.accounts.manager.actor, childId: fx.A.id, entryId: entry("RWW-WAIT") }); // no-op
    const seen = await view("child", "RWW-WAIT");
    expect(seen.kind).toBe("readable");
    const row = await db.prisma.entry.findUniqueOrThrow({ where: { id: entry("RWW-WAIT") } });
    expect(row.releasedById).toBe(fx.accounts.caseworker.actor.userId);
    const audits = await db.prisma.auditEvent.count({ where: { action: "entry.released", subjectId: entry("RWW-WAIT") } });
    expect(audits).toBe(1);
  });

  it("a reader's translation request reaches the child's own staff only, once, until a translation exists", async () => {
    const ask = (who: keyof VisibilityFixture["accounts"], label: string, locale = "ur") =>
      requestTranslation({ db: db.prisma, clock, actor: fx.accounts[who].actor, childId: fx.A.id, entryId: entry(label), locale });
    await ask("mother", "E-BOTH");
    await ask("mother", "E-BOTH");
    expect(await hasRequestedTranslation(db.prisma, fx.accounts.mother.actor, entry("E-BOTH"), "ur")).toBe(true);
    expect(await hasRequestedTranslation(db.prisma, fx.accounts.child.actor, entry("E-BOTH"), "ur")).toBe(false);
    await expect(ask("mother", "E-BOTH", "en")).rejects.toBeInstanceOf(Invalid);
    // Not theirs to read: the same not-found as for anything else.
    await expect(ask("father", "X-DAD-BOTH")).rejects.toBeInstanceOf(NotFound);
    await expect(ask("otherParent", "E-BOTH")).rejects.toBeInstanceOf(NotFound);

    const forStaff = async (who: keyof VisibilityFixture["accounts"]) =>
      (await findOpenTranslationRequests({ db: db.prisma, actor: fx.accounts[who].actor })).map((r) => r.entryId);
    expect(await forStaff("caseworker")).toEqual([entry("E-BOTH")]);
    expect(await forStaff("manager")).toEqual([entry("E-BOTH")]);
    expect(await forStaff("otherCaseworker")).toEqual([]);
    expect(await forStaff("mother")).toEqual([]);

    await db.prisma.entryTranslation.create({
      data: { entryId: entry("E-BOTH"), locale: "ur", title: "ترجمہ", sections: ["ترجمہ"], translatedBy: "Translator", translatedAt: clock.now() },
    });
    expect(await forStaff("caseworker")).toEqual([]);
  });

  it("the access log pages over groups of what the reader may see, so hidden views change neither counts nor pages", async () => {
    const log = (who: keyof VisibilityFixture["accounts"], before?: string) =>
      findAccessLog({ db: db.prisma, actor: fx.accounts[who].actor, childId: fx.A.id, locale: "en", now: clock.now(), before });
    const view = (who: keyof VisibilityFixture["accounts"], part: "chronology" | "entry" | "file", label?: string) => {
      clock.advance(1000);
      return recordView({ db: db.prisma, clock, actor: fx.accounts[who].actor, childId: fx.A.id, part, entryId: label ? entry(label) : undefined });
    };
    const walk = async (who: keyof VisibilityFixture["accounts"]) => {
      const first = await log(who);
      const all = [...first.groups];
      for (let cursor = first.older; cursor; ) {
        const next = await log(who, cursor);
        all.push(...next.groups);
        cursor = next.older;
      }
      return { first, all };
    };
    const before = (await walk("child")).all.length;
    // Forty days, each with the mother's views of the record and of things hidden from the child.
    for (let day = 0; day < 40; day++) {
      clock.advance(24 * 60 * 60_000);
      await view("mother", "chronology");
      await view("mother", "chronology");
      // An entry shared with family but not with the child, and its file.
      await view("mother", "entry", "R-THIRD-FAM");
      await view("mother", "file", "R-THIRD-FAM");
      await view("mother", "file", "THING");
      await view("caseworker", "entry", "R-CONF");
    }
    clock.advance(60_000);

    const { first, all } = await walk("child");
    expect(first.groups).toHaveLength(30);
    expect(all).toHaveLength(before + 40);
    // Each day is one line for "a parent": 2 views of the record and 1 of a file the child may see.
    expect(all.slice(0, 40).map((g) => [g.role, g.count])).toEqual(Array(40).fill(["parent", 3]));
    const days = all.map((g) => g.day.getTime());
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Staff see every view, the hidden ones included, and each staff member on their own line.
    const staff = (await walk("caseworker")).all.slice(0, 80);
    expect(staff.map((g) => [g.role, g.count])).toEqual(Array(40).fill([["caseworker", 1], ["parent", 5]]).flat());
    expect(staff[1].views!.map((v) => [v.part, v.entry ? v.entry.id : null])).toEqual([
      ["file", entry("THING")],
      ["file", entry("R-THIRD-FAM")],
      ["entry", entry("R-THIRD-FAM")],
      ["chronology", null],
      ["chronology", null],
    ]);
  });

  it("the view of the page being read is not counted in it", async () => {
    const now = clock.now();
    const countFor = async () =>
      (await findAccessLog({ db: db.prisma, actor: fx.accounts.child.actor, childId: fx.A.id, locale: "en", now })).groups.find((g) => g.isViewer)?.count ?? 0;
    const earlier = await countFor();
    // What the loader does: read the log as of the request, then write the view of it.
    await recordView({ db: db.prisma, clock, actor: fx.accounts.child.actor, childId: fx.A.id, part: "access-log" });
    expect(await countFor()).toBe(earlier);
    clock.advance(1000);
    const next = await findAccessLog({ db: db.prisma, actor: fx.accounts.child.actor, childId: fx.A.id, locale: "en", now: clock.now() });
    expect(next.groups.find((g) => g.isViewer)?.count).toBe(earlier + 1);
  });
});
