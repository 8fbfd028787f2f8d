import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/index.ts";
import { fixedClock } from "../../lib/clock.ts";
import { findSharingLog, recordShare } from "../../lib/consent/index.ts";
import { addToRecord, findContribution, saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { NotFound } from "../../lib/errors/index.ts";
import { findChronology, findEntryForViewer, releaseEntry, findAttachmentForViewer, findThings } from "../../lib/records/index.ts";
import { summariseWithheld } from "../../lib/restrictions/index.ts";
import { requestTranslation } from "../../lib/translations/index.ts";
import { collectCopy } from "../../lib/records/copy.ts";
import { checkTranslationForm, submitTranslationForm } from "../../lib/translations/form.ts";
import { checkTranslation, submitTranslation } from "../../lib/translations/drafts.ts";
import { addDisagreement, askForCorrection, findRequest, findRequestsOnRecord, requestForm } from "../../lib/rectification/index.ts";
import { databaseKinds } from "../helpers/db.ts";
import { ALL_SPECS } from "../helpers/record-fixtures.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// Issue 15, items 1 and 10. Every object that points at an entry (a contribution about it or
// made into it, a correction request and its statements, a share, a translation's notice, the
// PDF) can have a reader who may read the object but not the entry: that reader learns nothing of
// the entry, not its title, date, kind or id (so no link either). And an entry to read with a
// worker reaches family and the advocate only once it has been read with the child.

const SPEC = new Map(ALL_SPECS.map((s) => [s.id, s]));

describe.each(databaseKinds())("entry relations on %s", (kind) => {
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);
  const childId = () => fx().A.id;

  /**
   * What of the entry shows in this value: its id (and so any link), title, date, or kind (left
   * out where another entry the reader may see shares the kind).
   */
  function traces(value: unknown, label: string, { id = entry(label), kind = true } = {}): string[] {
    const text = JSON.stringify(value);
    const spec = SPEC.get(label);
    const marks = [id, `Title of ${label}`, ...(spec ? [new Date(spec.at).toISOString()] : []), ...(spec && kind ? [`:"${spec.type.replace("-", "_")}"`] : [])];
    return marks.filter((m) => text.includes(m));
  }
  const exclude = async (who: Who, label: string) => {
    const { personId } = await prisma().user.findUniqueOrThrow({ where: { id: actor(who).userId }, select: { personId: true } });
    await prisma().entryExclusion.create({ data: { entryId: entry(label), personId: personId! } });
  };
  const contribute = (who: Who, over: Record<string, unknown>) =>
    saveContribution({
      db: prisma(), clock, actor: actor(who), locale: "en", files: [], store,
      form: contributionForm.parse({ childId: childId(), submissionKey: randomUUID(), kind: "view", body: "About this.", intent: "send", ...over }),
    });
  const contribution = (who: Who, id: string) => findContribution({ db: prisma(), actor: actor(who), childId: childId(), contributionId: id, now: clock.now() });

  it("a contribution about an entry names it only to those who may read the entry", async () => {
    // Serious harm, kept from the child: the mother writes about it and shows the child.
    const harm = await contribute("mother", { aboutEntryId: entry("R-HARM-FAM"), shareWithChild: "on" });
    const forChild = await contribution("child", harm.id);
    expect(forChild.aboutEntryId).toBeNull();
    expect(forChild.aboutEntry).toBeNull();
    expect(traces(forChild, "R-HARM-FAM")).toEqual([]);
    expect((await contribution("mother", harm.id)).aboutEntry).toEqual({ title: "Title of R-HARM-FAM" });

    // An entry the father is excluded from: the mother shares her note with the family.
    const dad = await contribute("mother", { aboutEntryId: entry("X-DAD-BOTH"), shareWithFamily: "on" });
    expect(traces(await contribution("father", dad.id), "X-DAD-BOTH")).toEqual([]);
    expect((await contribution("carer", dad.id)).aboutEntry).toEqual({ title: "Title of X-DAD-BOTH" });
  });

  it("a contribution added to the record links the entry it became only for those who may read it", async () => {
    const saved = await contribute("child", { shareWithFamily: "on", body: "I want to see my nan." });
    const ref = { db: prisma(), clock, childId: childId(), contributionId: saved.id };
    const entryId = await addToRecord({ ...ref, actor: actor("caseworker"), withFamily: false });
    const forMother = await contribution("mother", saved.id);
    expect(forMother.status).toBe("added");
    expect(forMother.recordEntryId).toBeNull();
    expect(traces(forMother, "added entry", { id: entryId })).toEqual([]);
    expect((await contribution("child", saved.id)).recordEntryId).toBe(entryId);
  });

  it("a correction request names, and holds statements on, only entries its reader may still read", async () => {
    const asked = await askForCorrection({
      db: prisma(), clock, actor: actor("mother"), locale: "en", files: [], store,
      form: requestForm.parse({ childId: childId(), submissionKey: randomUUID(), items: [`${entry("F-05")}:0`, `${entry("E-BOTH")}:0`], whatIsWrong: "Wrong day.", whatItShouldSay: "" }),
    });
    await prisma().disagreementStatement.create({ data: { requestId: asked.id, entryId: entry("F-05"), authorId: actor("mother").userId, text: "I disagree.", createdAt: clock.now() } });
    const ref = { db: prisma(), clock, actor: actor("mother"), childId: childId(), requestId: asked.id };
    expect((await findRequest({ ...ref, now: clock.now() })).entryTitles).toContain("Title of F-05");
    // Since then the record excludes her from F-05.
    await exclude("mother", "F-05");
    const detail = await findRequest({ ...ref, now: clock.now() });
    expect(detail.entryTitles).toEqual(["Title of E-BOTH"]);
    expect(detail.disagreements).toEqual([]);
    expect(traces(detail, "F-05")).toEqual([]);
    const list = await findRequestsOnRecord({ db: prisma(), actor: actor("mother"), childId: childId(), now: clock.now() });
    expect(list.map((r) => r.id)).toContain(asked.id);
    expect(traces(list, "F-05")).toEqual([]);
    await expect(addDisagreement({ ...ref, entryId: entry("F-05"), text: "Again." })).rejects.toBeInstanceOf(NotFound);
    // Staff still see all of it.
    const staff = await findRequest({ ...ref, actor: actor("caseworker"), now: clock.now() });
    expect(staff.entryTitles.sort()).toEqual(["Title of E-BOTH", "Title of F-05"]);
    expect(staff.disagreements.map((d) => d.entryId)).toEqual([entry("F-05")]);
  });

  it("a share of entries shows only to someone who may read every one of them", async () => {
    const { id } = await recordShare({
      db: prisma(), clock, actor: actor("caseworker"),
      share: { childId: childId(), lawfulBasis: "child_safety", recipient: "police", what: "entries", entryIds: [entry("E-CHILD"), entry("E-BOTH")], purpose: "Safety", reason: "A risk.", sharedOn: "2026-12-02" },
    });
    const forMother = await findSharingLog({ db: prisma(), actor: actor("mother"), childId: childId() });
    expect(forMother.map((s) => s.id)).not.toContain(id);
    expect(traces(forMother, "E-CHILD")).toEqual([]);
    const forChild = await findSharingLog({ db: prisma(), actor: actor("child"), childId: childId() });
    expect(forChild.find((s) => s.id === id)?.entries.map((e) => e.title).sort()).toEqual(["Title of E-BOTH", "Title of E-CHILD"]);
  });

  it("a translation is announced, with its link to the entry, only to askers who may still read the entry", async () => {
    for (const who of ["mother", "carer"] as const) {
      await requestTranslation({ db: prisma(), clock, actor: actor(who), childId: childId(), entryId: entry("F-06"), locale: "ur" });
    }
    await exclude("mother", "F-06");
    const { id } = await submitTranslation({
      db: prisma(), clock, actor: actor("caseworker"),
      translation: submitTranslationForm.parse({ childId: childId(), entryId: entry("F-06"), locale: "ur", title: "رابطہ", "section-0": "متن۔", translatedBy: "F. Ali" }),
    });
    await checkTranslation({ db: prisma(), clock, actor: actor("manager"), check: checkTranslationForm.parse({ childId: childId(), draftId: id, outcome: "approved", note: "" }) });
    const told = await prisma().outboxMessage.findMany({ where: { kind: "translation-ready" }, select: { recipientId: true, link: true } });
    expect(told.map((m) => m.recipientId)).toEqual([actor("carer").userId]);
    const toMother = await prisma().outboxMessage.findMany({ where: { recipientId: actor("mother").userId } });
    expect(traces(toMother, "F-06")).toEqual([]);
  });

  describe("an entry to read with the worker", () => {
    const OTHERS = ["mother", "father", "carer", "advocate"] as const;

    async function everything(who: Who, a: Actor = actor(who)) {
      const pages = [];
      let before: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await findChronology({ db: prisma(), actor: a, childId: childId(), locale: "en", query: { before } });
        pages.push(page);
        if (!page.older) break;
        before = page.older;
      }
      const copy = await collectCopy({ db: prisma(), actor: a, childId: childId(), locale: "en", now: clock.now() });
      const copied = [];
      for await (const e of copy.entries) copied.push(e);
      // A carer without parental responsibility has no sharing log to read.
      const shares = await findSharingLog({ db: prisma(), actor: a, childId: childId() }).catch((error: unknown) => {
        if (error instanceof NotFound && who === "carer") return [];
        throw error;
      });
      return {
        listed: pages.flatMap((p) => p.items),
        copy: { total: copy.total, entries: copied },
        things: await findThings({ db: prisma(), actor: a, childId: childId(), locale: "en" }),
        withheld: await summariseWithheld({ db: prisma(), clock, actor: a, childId: childId() }),
        shares,
      };
    }
    const file = (who: Who) => findAttachmentForViewer({ db: prisma(), actor: actor(who), childId: childId(), attachmentId: fx().A.attachments.get("A-WAIT")! });
    const open = (who: Who) => findEntryForViewer({ db: prisma(), actor: actor(who), childId: childId(), entryId: entry("RWW-WAIT"), locale: "en" });

    it("reaches the family and the advocate only once it has been read with the child", async () => {
      const { id: shareId } = await recordShare({
        db: prisma(), clock, actor: actor("caseworker"),
        share: { childId: childId(), lawfulBasis: "child_safety", recipient: "police", what: "entries", entryIds: [entry("RWW-WAIT")], purpose: "Safety", reason: "A risk.", sharedOn: "2026-12-02" },
      });
      const before = new Map<Who, Awaited<ReturnType<typeof everything>>>();
      for (const who of OTHERS) {
        await expect(open(who), who).rejects.toBeInstanceOf(NotFound);
        await expect(file(who), who).rejects.toBeInstanceOf(NotFound);
        const seen = await everything(who);
        // RWW-DONE, released, is a review too: the kind alone says nothing.
        expect(traces(seen, "RWW-WAIT", { kind: false }), who).toEqual([]);
        expect(seen.shares.map((s) => s.id), who).not.toContain(shareId);
        // Nothing they could ask or say about it either.
        await expect(contribute(who, { aboutEntryId: entry("RWW-WAIT") }), who).rejects.toBeInstanceOf(NotFound);
        await expect(requestTranslation({ db: prisma(), clock, actor: actor(who), childId: childId(), entryId: entry("RWW-WAIT"), locale: "ur" }), who).rejects.toBeInstanceOf(NotFound);
        before.set(who, seen);
      }
      // The child is told only that something waits for them, and when.
      expect(await open("child")).toMatchObject({ kind: "waiting" });

      await releaseEntry({ db: prisma(), clock, actor: actor("caseworker"), childId: childId(), entryId: entry("RWW-WAIT") });
      for (const who of OTHERS) {
        expect(await open(who), who).toMatchObject({ kind: "readable", title: "Title of RWW-WAIT" });
        expect((await file(who)).fileName, who).toBe("A-WAIT.png");
        const seen = await everything(who);
        const was = before.get(who)!;
        expect(seen.listed.map((i) => i.id), who).toEqual(expect.arrayContaining([entry("RWW-WAIT")]));
        expect(seen.listed.length, who).toBe(was.listed.length + 1);
        expect(seen.copy.total, who).toBe(was.copy.total + 1);
        expect(seen.copy.entries.map((e) => e.id), who).toContain(entry("RWW-WAIT"));
        expect(seen.withheld, who).toEqual(was.withheld);
      }
      // The share now shows to those who hold parental responsibility, and to the advocate.
      for (const who of ["mother", "advocate"] as const) {
        expect((await findSharingLog({ db: prisma(), actor: actor(who), childId: childId() })).map((s) => s.id), who).toContain(shareId);
      }
    });
  });
});
