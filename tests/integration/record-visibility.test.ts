import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor.ts";
import { revokeGrant } from "../../lib/access/grants.ts";
import { fixedClock, MINUTE } from "../../lib/clock.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { findAccessLog, recordView, type AccessLogGroup, type ViewedPart } from "../../lib/records/access-log.ts";
import { findChronology, findLatestCaseSummary, PAGE_SIZE, type ChronologyItem, type ChronologyPage } from "../../lib/records/chronology.ts";
import { ENTRY_TYPES, PERIODS, type ChronologyQuery } from "../../lib/records/chronology-filter.ts";
import { findEntryForViewer } from "../../lib/records/entry.ts";
import { findAttachmentForViewer, findThings } from "../../lib/records/things.ts";
import { summariseWithheld } from "../../lib/restrictions/withheld.ts";
import { testFileStore } from "../helpers/files.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { ALL_SPECS, FILLER_IDS, SPECIALS, URDU_TITLE, seedVisibilityFixture, type VisibilityFixture } from "../helpers/record-fixtures.ts";

// Who sees which entries of a child's record, in every place the record shows them: the
// chronology (every page, both ways, every filter), the entry page, the latest case summary,
// "why can't I see some things?", "my things" and their files, and the access log. Expected
// sets are written out by hand per role, never computed with the policy under test.

type RoleKey = Exclude<keyof VisibilityFixture["accounts"], "twinFather">;
type Expected = {
  /** Every entry in the chronology, by externalId (waiting ones included). */
  listed: readonly string[];
  waiting: readonly string[];
  withheld: readonly [string, string][];
  things: readonly string[];
  files: readonly string[];
  summary: string | null;
  log: "read" | "not-found" | "nothing";
};

// RWW-WAIT waits to be read with the child: before it is released, only the child (as waiting) and staff list it.
const COMMON = ["E-BOTH", "RWW-DONE", "PLAN-OLD", "PLAN-NEW", "CS", "THING", "UR", ...FILLER_IDS];
const CHILD: Expected = {
  listed: [...COMMON, "RWW-WAIT", "E-CHILD", "X-DAD-BOTH", "X-DAD-HIST"],
  waiting: ["RWW-WAIT"],
  withheld: [["confidential", "2027-04-01"], ["third_party", "2027-01-31"], ["court", "2027-01-15"]],
  things: ["THING", "X-DAD-BOTH"],
  files: ["A-THING", "A-DAD"],
  summary: "CS",
  log: "read",
};
const MOTHER: Expected = {
  listed: [...COMMON, "R-HARM-FAM", "R-THIRD-FAM", "X-DAD-BOTH", "X-DAD-HIST"],
  waiting: [],
  // Restrictions record why something is kept from the child: family are given no reasons.
  withheld: [],
  things: ["THING", "X-DAD-BOTH"],
  files: ["A-THING", "A-DAD"],
  summary: "CS",
  log: "not-found",
};
// The father's view is the mother's with every entry naming him gone.
const FATHER: Expected = {
  listed: [...COMMON, "R-HARM-FAM", "R-THIRD-FAM"],
  waiting: [],
  withheld: [],
  things: ["THING"],
  files: ["A-THING"],
  summary: "CS",
  log: "not-found",
};
const STAFF: Expected = {
  listed: [
    ...COMMON, "RWW-WAIT", "E-CHILD", "R-HARM-FAM", "R-HARM", "R-CONF", "R-THIRD-FAM", "R-COURT",
    "X-DAD-BOTH", "X-DAD-COURT", "X-DAD-TP", "X-DAD-HIST",
  ],
  waiting: [],
  withheld: [],
  things: ["THING", "X-DAD-BOTH"],
  files: ["A-THING", "A-DAD", "A-WAIT", "A-HARM"],
  summary: "R-CONF",
  log: "read",
};
// The advocate reads what the child reads, but is not told what waits for the child.
const ADVOCATE: Expected = { ...CHILD, listed: CHILD.listed.filter((id) => id !== "RWW-WAIT"), waiting: [] };
const NOTHING = (log: Expected["log"]): Expected => ({ listed: [], waiting: [], withheld: [], things: [], files: [], summary: null, log });

const EXPECT: Record<RoleKey, Expected> = {
  child: CHILD,
  advocate: ADVOCATE,
  mother: MOTHER,
  carer: MOTHER,
  father: FATHER,
  caseworker: STAFF,
  manager: STAFF,
  otherCaseworker: NOTHING("nothing"),
  otherManager: NOTHING("nothing"),
  admin: NOTHING("not-found"),
  otherParent: NOTHING("not-found"),
  otherChild: NOTHING("nothing"),
};
const ROLES = Object.keys(EXPECT) as RoleKey[];
const ATTACHMENTS = ["A-THING", "A-DAD", "A-WAIT", "A-HARM"];

const SPEC = new Map(ALL_SPECS.map((s) => [s.id, s]));
const dbType = (id: string) => SPEC.get(id)!.type.replace("-", "_");
const dbStatus = (id: string) => (SPEC.get(id)!.historical ? "historical" : "current");
const sorted = (xs: readonly string[]) => [...xs].sort();

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

// Everything a caller could tell apart about an error.
function signature(error: unknown) {
  const e = error as Error & { code?: string; details?: unknown };
  return { isNotFound: e instanceof NotFound, cls: e.constructor, name: e.name, message: e.message, code: e.code, details: e.details, keys: Object.keys(e).sort() };
}

describe.each(databaseKinds())("record visibility on %s", (kind) => {
  let test: TestDb;
  let fx: VisibilityFixture;
  const clock = fixedClock("2026-03-02T09:00:00Z");
  const db = () => test.prisma;
  const actorOf = (role: RoleKey | "twinFather"): Actor => fx.accounts[role].actor;
  const entryId = (externalId: string) => fx.A.entries.get(externalId)!;
  const label = (id: string) => fx.label.get(id) ?? `unknown:${id}`;
  const labels = (items: { id: string }[]) => items.map((i) => label(i.id));

  async function walk(actor: Actor, childId: string, query: ChronologyQuery = {}, locale = "en"): Promise<ChronologyPage[]> {
    const pages: ChronologyPage[] = [];
    let before: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await findChronology({ db: db(), actor, childId, locale, query: { ...query, before } });
      pages.push(page);
      if (!page.older) return pages;
      before = page.older;
    }
    throw new Error("the chronology did not end");
  }

  // From a page's `newer` cursor back to the top, returning the pages newest first.
  async function walkBack(actor: Actor, childId: string, query: ChronologyQuery, newer: string | null): Promise<ChronologyPage[]> {
    const pages: ChronologyPage[] = [];
    let after = newer;
    for (let i = 0; i < 20 && after; i++) {
      const page = await findChronology({ db: db(), actor, childId, locale: "en", query: { ...query, after } });
      expect(page.older, "a page reached going back always has older pages").not.toBeNull();
      pages.unshift(page);
      after = page.newer;
    }
    expect(after).toBeNull();
    return pages;
  }

  /** The walk both ways agrees, has no repeats, runs newest first, and pages are full but the last. */
  async function listed(actor: Actor, childId: string, query: ChronologyQuery = {}): Promise<ChronologyItem[]> {
    const pages = await walk(actor, childId, query);
    const items = pages.flatMap((p) => p.items);
    expect(pages[0].newer).toBeNull();
    expect(pages.at(-1)!.older).toBeNull();
    expect(pages.map((p) => p.items.length)).toEqual(
      items.length === 0 ? [0] : pages.map((_, i) => Math.min(PAGE_SIZE, items.length - i * PAGE_SIZE)),
    );
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const times = items.map((i) => i.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const back = await walkBack(actor, childId, query, pages.at(-1)!.newer);
    expect([...back.flatMap((p) => p.items), ...pages.at(-1)!.items].map((i) => i.id)).toEqual(items.map((i) => i.id));
    return items;
  }

  beforeAll(async () => {
    test = await createTestDb(kind);
    fx = await seedVisibilityFixture(db(), testFileStore, clock);
    // Views for the access log, a minute apart, oldest first.
    const views: [RoleKey, ViewedPart, string?][] = [
      ["child", "chronology"],
      ["child", "entry", "E-BOTH"],
      ["mother", "entry", "X-DAD-BOTH"],
      ["father", "entry", "E-BOTH"],
      ["carer", "things"],
      ["advocate", "entry", "UR"],
      ["caseworker", "entry", "R-CONF"],
      ["caseworker", "entry", "RWW-WAIT"],
      ["caseworker", "entry", "R-HARM-FAM"],
      ["manager", "chronology"],
    ];
    for (const [role, part, externalId] of views) {
      clock.advance(MINUTE);
      await recordView({ db: db(), clock, actor: actorOf(role), childId: fx.A.id, part, entryId: externalId ? entryId(externalId) : undefined });
    }
    // Views of another child's record never show in A's log.
    await recordView({ db: db(), clock, actor: actorOf("otherParent"), childId: fx.B.id, part: "chronology" });
    await recordView({ db: db(), clock, actor: actorOf("otherCaseworker"), childId: fx.B.id, part: "entry", entryId: fx.B.entries.get("O-1") });
  });
  afterAll(async () => {
    await test?.drop();
  });

  describe.each(ROLES)("as %s", (role) => {
    const e = EXPECT[role];

    it("the chronology lists exactly their entries, on every page, both ways", async () => {
      const items = await listed(actorOf(role), fx.A.id);
      expect(sorted(labels(items))).toEqual(sorted(e.listed));
      const waiting = items.filter((i) => i.waiting);
      expect(sorted(labels(waiting))).toEqual(sorted(e.waiting));
      for (const item of items) {
        const externalId = label(item.id);
        // A waiting entry shows only that it exists and when: not its kind or whether it is past.
        expect(item.type).toBe(item.waiting ? null : dbType(externalId));
        expect(item.status).toBe(item.waiting ? null : dbStatus(externalId));
        // A waiting entry shows that it exists and when, never its title.
        expect(item.title).toBe(item.waiting ? null : `Title of ${externalId}`);
      }
    });

    it("each filter lists exactly their entries of that type or period", async () => {
      // Filtering by kind or period would classify waiting entries, so filtered lists leave them out.
      const filterable = e.listed.filter((id) => !e.waiting.includes(id));
      for (const type of ENTRY_TYPES) {
        const items = await listed(actorOf(role), fx.A.id, { type });
        expect(sorted(labels(items)), type).toEqual(sorted(filterable.filter((id) => dbType(id) === type)));
      }
      for (const period of PERIODS) {
        const items = await listed(actorOf(role), fx.A.id, { period });
        expect(sorted(labels(items)), period).toEqual(sorted(filterable.filter((id) => dbStatus(id) === period)));
      }
      const plans = await listed(actorOf(role), fx.A.id, { type: "plan", period: "historical" });
      expect(sorted(labels(plans))).toEqual(sorted(filterable.filter((id) => dbType(id) === "plan" && dbStatus(id) === "historical")));
    });

    it("the entry page shows readable entries, waiting ones as waiting, and the rest as a plain not-found", async () => {
      const unknown = signature(await failure(findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: randomUUID(), locale: "en" })));
      expect(unknown.isNotFound).toBe(true);
      for (const spec of [...SPECIALS, SPEC.get("F-01")!]) {
        const call = findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId(spec.id), locale: "en" });
        if (e.waiting.includes(spec.id)) {
          expect(await call, spec.id).toMatchObject({ kind: "waiting" });
        } else if (e.listed.includes(spec.id)) {
          expect(await call, spec.id).toMatchObject({ kind: "readable", title: `Title of ${spec.id}` });
        } else {
          expect(signature(await failure(call)), spec.id).toEqual(unknown);
        }
      }
      // Another record's entries, asked for under this record, are not found either.
      for (const id of [...fx.B.entries.values(), ...fx.T.entries.values()].slice(0, 6)) {
        expect(signature(await failure(findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: id, locale: "en" })))).toEqual(unknown);
      }
    });

    it("the latest case summary is the newest they may read", async () => {
      const latest = await findLatestCaseSummary({ db: db(), actor: actorOf(role), childId: fx.A.id });
      expect(latest ? label(latest.id) : null).toBe(e.summary);
    });

    it("what is withheld is told by reason only, never serious harm, never to staff", async () => {
      const reasons = await summariseWithheld({ db: db(), clock, actor: actorOf(role), childId: fx.A.id });
      expect(reasons.map((r) => [r.reason, r.nextReview?.toISOString().slice(0, 10)])).toEqual(e.withheld);
      expect(reasons.map((r) => r.reason)).not.toContain("serious_harm");
      for (const r of reasons) expect(Object.keys(r).sort()).toEqual(["nextReview", "overdue", "reason"]);
      expect(reasons.filter((r) => r.overdue)).toEqual([]);
    });

    it("my things and their files are exactly those of entries they may read", async () => {
      const things = await findThings({ db: db(), actor: actorOf(role), childId: fx.A.id, locale: "en" });
      expect(things.map((t) => label(t.entryId))).toEqual(e.things);
      const unknown = signature(await failure(findAttachmentForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, attachmentId: randomUUID() })));
      for (const attachment of ATTACHMENTS) {
        const call = findAttachmentForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, attachmentId: fx.A.attachments.get(attachment)! });
        if (e.files.includes(attachment)) expect((await call).fileName, attachment).toBe(`${attachment}.png`);
        else expect(signature(await failure(call)), attachment).toEqual(unknown);
      }
      // Another family's file asked for under this record.
      const foreign = findAttachmentForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, attachmentId: fx.B.attachments.get("A-O")! });
      expect(signature(await failure(foreign))).toEqual(unknown);
    });

    it("the access log is theirs to read only as the child, advocate or staff of the record", async () => {
      const call = findAccessLog({ db: db(), actor: actorOf(role), childId: fx.A.id, locale: "en", now: new Date(clock.now().getTime() + 1) });
      if (e.log === "read") {
        expect((await call).groups.length).toBeGreaterThan(0);
      } else if (e.log === "not-found") {
        await expect(call).rejects.toBeInstanceOf(NotFound);
      } else {
        const outcome = await call.catch((error: unknown) => error);
        if (outcome instanceof NotFound) return;
        expect(outcome).toEqual({ groups: [], older: null });
      }
    });
  });

  it("a waiting entry shows the child only that it exists and when; a released one reads in full", async () => {
    const child = actorOf("child");
    const waiting = await findEntryForViewer({ db: db(), actor: child, childId: fx.A.id, entryId: entryId("RWW-WAIT"), locale: "en" });
    expect(waiting).toEqual({ kind: "waiting", id: entryId("RWW-WAIT"), type: "review", occurredAt: new Date(SPEC.get("RWW-WAIT")!.at) });
    const items = (await walk(child, fx.A.id)).flatMap((p) => p.items);
    expect(items.find((i) => i.id === entryId("RWW-WAIT"))).toMatchObject({ waiting: true, title: null, translated: false, type: null, status: null, lateByDays: null });
    expect(items.find((i) => i.id === entryId("RWW-DONE"))).toMatchObject({ waiting: false, title: "Title of RWW-DONE", type: "review" });
    const reviews = (await walk(child, fx.A.id, { type: "review" })).flatMap((p) => p.items);
    expect(reviews.map((i) => i.id)).not.toContain(entryId("RWW-WAIT"));
    const released = await findEntryForViewer({ db: db(), actor: child, childId: fx.A.id, entryId: entryId("RWW-DONE"), locale: "en" });
    expect(released).toMatchObject({ kind: "readable", sections: [{ text: "Text of RWW-DONE." }] });
    // Until it is released, family and the advocate find nothing of it (the child hears it first); staff read it.
    for (const role of ["advocate", "mother", "father", "carer"] as const) {
      await expect(findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("RWW-WAIT"), locale: "en" }), role).rejects.toBeInstanceOf(NotFound);
    }
    const view = await findEntryForViewer({ db: db(), actor: actorOf("caseworker"), childId: fx.A.id, entryId: entryId("RWW-WAIT"), locale: "en" });
    expect(view).toMatchObject({ kind: "readable", title: "Title of RWW-WAIT", attachments: [{ fileName: "A-WAIT.png" }] });
  });

  it("an Urdu reader gets the translation wherever the entry shows, and the original on request", async () => {
    for (const role of ["child", "advocate", "mother", "father", "carer", "caseworker", "manager"] as const) {
      const items = (await walk(actorOf(role), fx.A.id, { type: "visit" }, "ur")).flatMap((p) => p.items);
      const ur = items.find((i) => i.id === entryId("UR"));
      expect(ur, role).toMatchObject({ title: URDU_TITLE, translated: true });
      expect(items.filter((i) => i.translated).map((i) => label(i.id)), role).toEqual(["UR"]);
      const view = await findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("UR"), locale: "ur" });
      expect(view).toMatchObject({ kind: "readable", title: URDU_TITLE, sections: [{ text: "متن۔" }], translation: { locale: "ur", translatedBy: "F. Ali", showingOriginal: false }, untranslatedFor: null });
      const original = await findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("UR"), locale: "ur", original: true });
      expect(original).toMatchObject({ title: "Title of UR", sections: [{ text: "Text of UR." }], translation: { showingOriginal: true } });
      const plain = await findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("E-BOTH"), locale: "ur" });
      expect(plain).toMatchObject({ title: "Title of E-BOTH", translation: null, untranslatedFor: "ur" });
    }
  });

  it("a superseded entry and its replacement point at each other for everyone who may read both", async () => {
    for (const role of ["child", "mother", "father", "caseworker", "manager"] as const) {
      const latest = await findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("PLAN-NEW"), locale: "en" });
      expect(latest, role).toMatchObject({ status: "current", replaces: { id: entryId("PLAN-OLD"), title: "Title of PLAN-OLD" }, replacedBy: null });
      const old = await findEntryForViewer({ db: db(), actor: actorOf(role), childId: fx.A.id, entryId: entryId("PLAN-OLD"), locale: "en" });
      expect(old, role).toMatchObject({ status: "historical", replacedBy: { id: entryId("PLAN-NEW"), title: "Title of PLAN-NEW" }, replaces: null });
    }
  });

  it("the excluded father finds no trace: everything is as if the entries naming him did not exist", async () => {
    // T is A's record without the entries that exclude the father; T's father has no exclusions.
    const father = actorOf("father");
    const twin = actorOf("twinFather");
    const shape = (pages: ChronologyPage[]) =>
      pages.map((p) => ({
        older: p.older !== null,
        newer: p.newer !== null,
        items: p.items
          .map((i) => JSON.stringify([i.occurredAt.toISOString(), i.type, i.status, i.waiting, i.title, i.translated, i.lateByDays]))
          .sort(),
      }));
    const queries: ChronologyQuery[] = [{}, ...ENTRY_TYPES.map((type) => ({ type })), ...PERIODS.map((period) => ({ period }))];
    for (const query of queries) {
      const a = await walk(father, fx.A.id, query);
      const t = await walk(twin, fx.T.id, query);
      expect(shape(a), JSON.stringify(query)).toEqual(shape(t));
    }
    const fatherTotal = (await walk(father, fx.A.id)).reduce((n, p) => n + p.items.length, 0);
    expect(fatherTotal).toBe(FATHER.listed.length);
    // T holds A's entries minus the four naming him; of those, E-CHILD, R-HARM, R-CONF, R-COURT are not for families,
    // and RWW-WAIT is not for them until it has been read with the child.
    expect(fatherTotal).toBe(fx.T.entries.size - 5);

    const withheld = async (actor: Actor, childId: string) => summariseWithheld({ db: db(), clock, actor, childId });
    expect(await withheld(father, fx.A.id)).toEqual(await withheld(twin, fx.T.id));

    const things = async (actor: Actor, childId: string) =>
      (await findThings({ db: db(), actor, childId, locale: "en" })).map(({ title, occurredAt, originalLocation, files }) => ({
        title,
        occurredAt,
        originalLocation,
        files: files.map(({ fileName, mediaType, size }) => ({ fileName, mediaType, size })),
      }));
    expect(await things(father, fx.A.id)).toEqual(await things(twin, fx.T.id));

    const summary = async (actor: Actor, childId: string) => {
      const s = await findLatestCaseSummary({ db: db(), actor, childId });
      return s && { at: s.occurredAt, label: label(s.id).replace(/^T:/, "") };
    };
    expect(await summary(father, fx.A.id)).toEqual(await summary(twin, fx.T.id));

    // Asking for an entry or a file that names him answers exactly like asking for nothing.
    const unknown = signature(await failure(findEntryForViewer({ db: db(), actor: father, childId: fx.A.id, entryId: randomUUID(), locale: "en" })));
    for (const id of ["X-DAD-BOTH", "X-DAD-COURT", "X-DAD-TP", "X-DAD-HIST"]) {
      expect(signature(await failure(findEntryForViewer({ db: db(), actor: father, childId: fx.A.id, entryId: entryId(id), locale: "en" })))).toEqual(unknown);
    }
    const file = findAttachmentForViewer({ db: db(), actor: father, childId: fx.A.id, attachmentId: fx.A.attachments.get("A-DAD")! });
    expect(signature(await failure(file))).toEqual(
      signature(await failure(findAttachmentForViewer({ db: db(), actor: father, childId: fx.A.id, attachmentId: randomUUID() }))),
    );
    // The mother, sharing his family grant kind, still sees what he is kept from.
    const mother = await findEntryForViewer({ db: db(), actor: actorOf("mother"), childId: fx.A.id, entryId: entryId("X-DAD-BOTH"), locale: "en" });
    expect(mother).toMatchObject({ kind: "readable" });
  });

  it("nothing crosses between families or records", async () => {
    const b = fx.B;
    for (const role of ["child", "mother", "father", "carer", "advocate", "caseworker", "manager"] as const) {
      expect((await walk(actorOf(role), b.id))[0].items, role).toEqual([]);
      expect(await summariseWithheld({ db: db(), clock, actor: actorOf(role), childId: b.id })).toEqual([]);
      expect(await findThings({ db: db(), actor: actorOf(role), childId: b.id, locale: "en" })).toEqual([]);
      expect(await findLatestCaseSummary({ db: db(), actor: actorOf(role), childId: b.id })).toBeNull();
      for (const id of b.entries.values()) {
        await expect(findEntryForViewer({ db: db(), actor: actorOf(role), childId: b.id, entryId: id, locale: "en" })).rejects.toBeInstanceOf(NotFound);
      }
      // A's own entry, asked for under B's record, is not found even by those who may read it.
      await expect(findEntryForViewer({ db: db(), actor: actorOf(role), childId: b.id, entryId: entryId("E-BOTH"), locale: "en" })).rejects.toBeInstanceOf(NotFound);
      await expect(findAttachmentForViewer({ db: db(), actor: actorOf(role), childId: b.id, attachmentId: fx.A.attachments.get("A-THING")! })).rejects.toBeInstanceOf(NotFound);
      await expect(findAttachmentForViewer({ db: db(), actor: actorOf(role), childId: b.id, attachmentId: b.attachments.get("A-O")! })).rejects.toBeInstanceOf(NotFound);
    }
    // The other family and team do see B: the empty answers above are not for want of data.
    const otherParent = actorOf("otherParent");
    expect(labels((await walk(otherParent, b.id))[0].items)).toEqual(["B:O-1"]);
    expect(await summariseWithheld({ db: db(), clock, actor: actorOf("otherChild"), childId: b.id })).toEqual([{ reason: "court", nextReview: new Date("2026-12-24T00:00:00Z"), overdue: false }]);
    expect(await summariseWithheld({ db: db(), clock, actor: otherParent, childId: b.id })).toEqual([]);
    expect((await findAttachmentForViewer({ db: db(), actor: otherParent, childId: b.id, attachmentId: b.attachments.get("A-O")! })).fileName).toBe("A-O.png");
    expect(sorted(labels((await walk(actorOf("otherCaseworker"), b.id))[0].items))).toEqual(["B:O-1", "B:O-2"]);
    expect(labels((await walk(actorOf("otherManager"), b.id))[0].items)).toHaveLength(2);
    expect(labels((await walk(actorOf("otherChild"), b.id))[0].items)).toEqual(["B:O-1"]);
    // And the twin record T is nobody's but its father's here.
    for (const role of ROLES) expect((await walk(actorOf(role), fx.T.id))[0].items, role).toEqual([]);
  });

  it("a review date that has passed reads as overdue, from the day after it in England", async () => {
    const at = async (when: string) =>
      (await summariseWithheld({ db: db(), clock: fixedClock(when), actor: actorOf("child"), childId: fx.A.id })).map((r) => [r.reason, r.overdue]);
    // Reviews due 1 April 2027 (confidential), 31 January 2027 (third party), 15 January 2027 (court).
    expect(await at("2027-01-15T23:59:00Z")).toEqual([["confidential", false], ["third_party", false], ["court", false]]);
    expect(await at("2027-01-31T23:30:00Z")).toEqual([["confidential", false], ["third_party", false], ["court", true]]);
    expect(await at("2027-02-01T00:00:01Z")).toEqual([["confidential", false], ["third_party", true], ["court", true]]);
    // Just past midnight in England (British Summer Time) is still the evening before in UTC.
    expect(await at("2027-04-01T23:30:00Z")).toEqual([["confidential", true], ["third_party", true], ["court", true]]);
  });

  it("the access log shows the child views of what they may read, grouped: staff by name and family by role", async () => {
    // All the views above fall on one day; the log groups them by who looked, staff first, then family by role.
    const shape = (groups: AccessLogGroup[]) => groups.map((g) => [g.role, g.name, g.isViewer, g.count]);
    const names = Object.fromEntries(ROLES.map((r) => [r, fx.accounts[r].actor.displayName])) as Record<RoleKey, string>;
    const now = new Date(clock.now().getTime() + 1); // just after the last view
    const forChild = await findAccessLog({ db: db(), actor: actorOf("child"), childId: fx.A.id, locale: "en", now });
    // The caseworker's three views were all of entries the child may not read: no trace of them.
    expect(shape(forChild.groups)).toEqual([
      ["manager", names.manager, false, 1],
      ["advocate", null, false, 1],
      ["carer", null, false, 1],
      ["child", null, true, 2],
      // Mother and father are one line: family are shown by role only.
      ["parent", null, false, 2],
    ]);
    expect(forChild.older).toBeNull();
    expect(forChild.groups.every((g) => g.views === null)).toBe(true);
    expect(forChild.groups.map((g) => g.day.toISOString())).toEqual(Array(5).fill("2026-03-02T00:00:00.000Z"));
    const forAdvocate = await findAccessLog({ db: db(), actor: actorOf("advocate"), childId: fx.A.id, locale: "ur", now });
    expect(shape(forAdvocate.groups).map(([role, name, , count]) => [role, name, count])).toEqual(shape(forChild.groups).map(([role, name, , count]) => [role, name, count]));
    expect(forAdvocate.groups.filter((g) => g.isViewer).map((g) => g.role)).toEqual(["advocate"]);
    for (const role of ["caseworker", "manager"] as const) {
      const log = await findAccessLog({ db: db(), actor: actorOf(role), childId: fx.A.id, locale: "en", now });
      const staffOrder = [fx.accounts.caseworker.actor.userId, fx.accounts.manager.actor.userId].sort();
      const staffGroups = staffOrder.map((id) => (id === fx.accounts.caseworker.actor.userId ? ["caseworker", names.caseworker, role === "caseworker", 3] : ["manager", names.manager, role === "manager", 1]));
      expect(shape(log.groups), role).toEqual([...staffGroups, ["advocate", null, false, 1], ["carer", null, false, 1], ["child", null, false, 2], ["parent", null, false, 2]]);
      // Staff open a group to see each view, newest first, in the reader's language.
      const caseworker = log.groups.find((g) => g.role === "caseworker")!;
      expect(caseworker.views!.map((v) => [v.part, v.entry ? label(v.entry.id) : null])).toEqual([
        ["entry", "R-HARM-FAM"],
        ["entry", "RWW-WAIT"],
        ["entry", "R-CONF"],
      ]);
      const advocate = log.groups.find((g) => g.role === "advocate")!;
      expect(advocate.views!.map((v) => v.entry?.title)).toEqual(["Title of UR"]);
    }
  });

  // Last: it changes the fixture.
  it("the advocate sees nothing once the child ends the grant; the child still sees everything, and a release shows", async () => {
    const advocate = actorOf("advocate");
    await revokeGrant({ db: db(), grantId: fx.advocateGrantId, actor: actorOf("child"), clock, reason: "child-ended-advocacy" });
    expect((await walk(advocate, fx.A.id))[0].items).toEqual([]);
    for (const spec of SPECIALS) {
      await expect(findEntryForViewer({ db: db(), actor: advocate, childId: fx.A.id, entryId: entryId(spec.id), locale: "en" }), spec.id).rejects.toBeInstanceOf(NotFound);
    }
    expect(await summariseWithheld({ db: db(), clock, actor: advocate, childId: fx.A.id })).toEqual([]);
    expect(await findThings({ db: db(), actor: advocate, childId: fx.A.id, locale: "en" })).toEqual([]);
    expect(await findLatestCaseSummary({ db: db(), actor: advocate, childId: fx.A.id })).toBeNull();
    for (const attachment of ATTACHMENTS) {
      await expect(findAttachmentForViewer({ db: db(), actor: advocate, childId: fx.A.id, attachmentId: fx.A.attachments.get(attachment)! })).rejects.toBeInstanceOf(NotFound);
    }
    const log = await findAccessLog({ db: db(), actor: advocate, childId: fx.A.id, locale: "en", now: clock.now() }).catch((error: unknown) => error);
    if (!(log instanceof NotFound)) expect(log).toEqual({ groups: [], older: null });

    const child = actorOf("child");
    expect(sorted(labels(await listed(child, fx.A.id)))).toEqual(sorted(CHILD.listed));
    await db().entry.update({ where: { id: entryId("RWW-WAIT") }, data: { releasedAt: clock.now(), releasedById: actorOf("caseworker").userId } });
    const items = await listed(child, fx.A.id);
    expect(items.filter((i) => i.waiting)).toEqual([]);
    expect(items.find((i) => i.id === entryId("RWW-WAIT"))).toMatchObject({ title: "Title of RWW-WAIT" });
    expect(await findEntryForViewer({ db: db(), actor: child, childId: fx.A.id, entryId: entryId("RWW-WAIT"), locale: "en" })).toMatchObject({ kind: "readable" });
    expect((await findAttachmentForViewer({ db: db(), actor: child, childId: fx.A.id, attachmentId: fx.A.attachments.get("A-WAIT")! })).fileName).toBe("A-WAIT.png");
  });
});
