import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { NotFound, Invalid } from "../../lib/errors/index.ts";
import { createLocalFileStore } from "../../lib/files/local-file-store.ts";
import { findAccessLog, recordView } from "../../lib/records/access-log.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { releaseEntry } from "../../lib/records/release.ts";
import { findOpenTranslationRequests, hasRequestedTranslation, requestTranslation } from "../../lib/records/translation-requests.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

// What readers and workers can do to a record from the entry page: a worker releases an entry
// read with the child; a reader asks for a translation that reaches the child's staff.
describe.each(databaseKinds())("record actions on %s", (kind) => {
  let db: TestDb;
  let fx: VisibilityFixture;
  let dir: string;
  const clock = fixedClock(new Date("2026-03-01T10:00:00Z"));
  beforeAll(async () => {
    db = await createTestDb(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-actions-"));
    fx = await seedVisibilityFixture(db.prisma, createLocalFileStore(dir), clock);
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

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

  it("the access log pages over what the reader may see, so hidden views change neither page length nor cursor", async () => {
    const log = (who: keyof VisibilityFixture["accounts"], before?: string) =>
      findAccessLog({ db: db.prisma, actor: fx.accounts[who].actor, childId: fx.A.id, locale: "en", before });
    const view = (who: keyof VisibilityFixture["accounts"], part: "chronology" | "entry" | "file", label?: string) =>
      recordView({ db: db.prisma, clock, actor: fx.accounts[who].actor, childId: fx.A.id, part, entryId: label ? entry(label) : undefined });
    const before = (await log("child")).items.length;
    for (let i = 0; i < 40; i++) await view("mother", "chronology");
    // Views of an entry shared with family but not with the child, and of its file.
    for (let i = 0; i < 5; i++) await view("mother", "entry", "R-THIRD-FAM");
    await view("mother", "file", "R-THIRD-FAM");
    await view("mother", "file", "THING");

    const walk = async (who: keyof VisibilityFixture["accounts"]) => {
      const first = await log(who);
      const all = [...first.items];
      for (let cursor = first.older; cursor; ) {
        const next = await log(who, cursor);
        all.push(...next.items);
        cursor = next.older;
      }
      return { first, all };
    };
    const { first, all } = await walk("child");
    expect(first.items).toHaveLength(30);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all).toHaveLength(before + 41);
    expect(all.some((i) => i.entry?.id === entry("R-THIRD-FAM"))).toBe(false);
    expect(all.filter((i) => i.part === "file").map((i) => i.entry?.id)).toEqual([entry("THING")]);
    // Staff see all of them, the hidden ones included.
    const staff = (await walk("caseworker")).all;
    expect(staff.filter((i) => i.entry?.id === entry("R-THIRD-FAM"))).toHaveLength(6);
  });
});
