import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { findChildrenForActor, type Actor } from "../../lib/access/index.ts";
import { findChronology, findEntryForViewer, parseChronologyQuery } from "../../lib/records/index.ts";
import { askTranslator, findOpenTranslationRequests, requestTranslation } from "../../lib/translations/index.ts";
import { findStaffEntryFacts } from "../../lib/records/staff-entry.ts";
import { findTranslationForm } from "../../lib/translations/loaders.ts";
import { checkTranslationForm, submitTranslationForm } from "../../lib/translations/form.ts";
import { checkTranslation, submitTranslation } from "../../lib/translations/drafts.ts";
import { findTasks } from "../../lib/tasks/index.ts";
import { makeAccount } from "../helpers/account-fixtures.ts";
import { databaseKinds } from "../helpers/db.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// Translations written in the portal (issue 10): one member of staff writes, a different one
// checks; only then do readers see it, and those who asked are told. Nobody else can do either.
describe.each(databaseKinds())("translations on %s", (kind) => {
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry } = useVisibilityFixture(kind, clock);

  const submit = (who: Who, label: string, fields: Record<string, string> = {}) =>
    submitTranslation({ db: prisma(), clock, actor: actor(who), translation: submitTranslationForm.parse({ childId: fx().A.id, entryId: entry(label), locale: "ur", title: "گھر کا دورہ", "section-0": "متن کا ترجمہ۔", translatedBy: "F. Ali (interpreter)", ...fields }) });
  const check = (who: Who, draftId: string, outcome: "approved" | "returned", note = "") =>
    checkTranslation({ db: prisma(), clock, actor: actor(who), check: checkTranslationForm.parse({ childId: fx().A.id, draftId, outcome, note }) });
  const readInUrdu = (who: Who, label: string) => findEntryForViewer({ db: prisma(), actor: actor(who), childId: fx().A.id, entryId: entry(label), locale: "ur" });

  it("is seen by readers only once a second person approves it, and answers the requests for it", async () => {
    await requestTranslation({ db: prisma(), clock, actor: actor("mother"), childId: fx().A.id, entryId: entry("E-BOTH"), locale: "ur" });
    const { id } = await submit("caseworker", "E-BOTH");
    expect(await readInUrdu("child", "E-BOTH")).toMatchObject({ translation: null, untranslatedFor: "ur" });
    // The check waits on someone other than its writer.
    expect((await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() })).counts.translationCheck).toBe(0);

    await expect(check("caseworker", id, "approved")).rejects.toMatchObject({ code: "INVALID", problems: [{ message: "staff:translation.errors.secondPerson" }] });
    await check("manager", id, "approved");
    expect(await readInUrdu("child", "E-BOTH")).toMatchObject({ title: "گھر کا دورہ", translation: { locale: "ur", translatedBy: "F. Ali (interpreter)", checkedBy: actor("manager").displayName } });
    expect((await findOpenTranslationRequests({ db: prisma(), actor: actor("caseworker") })).filter((r) => r.entryId === entry("E-BOTH"))).toEqual([]);
    const told = await prisma().outboxMessage.findMany({ where: { kind: "translation-ready" }, select: { recipientId: true, link: true } });
    expect(told).toEqual([{ recipientId: actor("mother").userId, link: `/records/${fx().A.id}/entries/${entry("E-BOTH")}` }]);
    await expect(check("otherCaseworker", id, "approved")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(check("manager", id, "returned", "Too late.")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the database itself refuses a check by the translation's writer", async () => {
    const { id } = await submit("manager", "E-CHILD");
    // The caseworker has it on their list, due in 2 working days, linked to the check page.
    const tasks = await findTasks({ db: prisma(), actor: actor("caseworker"), now: clock.now() });
    expect(tasks.tasks.filter((t) => t.kind === "translationCheck").map((t) => [t.id, t.dueOn])).toEqual([[id, "2026-12-04"]]);
    await expect(prisma().translationCheck.create({ data: { draftId: id, outcome: "approved", note: "", checkedById: actor("manager").userId, checkedAt: clock.now() } })).rejects.toThrow();
    expect(await prisma().translationCheck.count({ where: { draftId: id } })).toBe(0);
    await check("caseworker", id, "returned", "Part 1 says 'home' where it should say 'school'.");
    expect(await readInUrdu("child", "E-CHILD")).toMatchObject({ translation: null });
  });

  it("says what is wrong and stores nothing; one translation waits per language at a time", async () => {
    const before = await prisma().translationDraft.count();
    await expect(submit("caseworker", "E-CHILD", { "section-1": "ایک اور حصہ" })).rejects.toMatchObject({ problems: [{ path: "sections", message: "staff:translation.errors.everyPart" }] });
    expect(() => submitTranslationForm.parse({ childId: fx().A.id, entryId: entry("E-CHILD"), locale: "ur", title: " ", "section-0": "x", translatedBy: "F" })).toThrow();
    expect(() => submitTranslationForm.parse({ childId: fx().A.id, entryId: entry("E-CHILD"), locale: "xx", title: "t", "section-0": "x", translatedBy: "F" })).toThrow();
    // An empty part is said against its own box.
    const empty = submitTranslationForm.safeParse({ childId: fx().A.id, entryId: entry("E-CHILD"), locale: "ur", title: "t", "section-0": "x", "section-1": "  ", translatedBy: "F" });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["section-1", "staff:translation.errors.empty"]]);
    expect(await prisma().translationDraft.count()).toBe(before);
    const { id } = await submit("caseworker", "E-CHILD");
    await expect(submit("manager", "E-CHILD")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(check("manager", id, "returned", "")).rejects.toMatchObject({ problems: [{ path: "note" }] });
    // The entry changed since it was translated: it cannot be approved, only sent back.
    await prisma().entry.update({ where: { id: entry("E-CHILD") }, data: { version: { increment: 1 } } });
    await expect(check("manager", id, "approved")).rejects.toMatchObject({ problems: [{ message: "staff:translation.errors.entryChanged" }] });
    await check("manager", id, "returned", "The entry has been corrected: please translate it again.");
  });

  it("nobody but the child's staff can write or check a translation, and what they try leaves nothing", async () => {
    const { id } = await submit("caseworker", "E-BOTH", { title: "نیا عنوان" });
    const drafts = await prisma().translationDraft.count();
    for (const who of ["child", "mother", "father", "advocate", "carer", "otherCaseworker", "otherManager", "admin", "otherChild"] as const) {
      await expect(submit(who, "E-BOTH"), who).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(check(who, id, "approved"), who).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await prisma().translationDraft.count()).toBe(drafts);
    expect(await prisma().translationCheck.count({ where: { draftId: id } })).toBe(0);
    // Nor on an entry the writer cannot read: the father is excluded from X-DAD-BOTH, and staff of another child see nothing.
    await expect(submit("otherCaseworker", "X-DAD-BOTH")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a translator sees only entries waiting for a translation or a check, never a record, and their work is checked by staff", async () => {
    const translator: Actor = (await makeAccount(prisma(), clock, { role: "translator" })).actor;
    const asTranslator = (label: string, fields: Record<string, string> = {}) =>
      submitTranslation({ db: prisma(), clock, actor: translator, translation: submitTranslationForm.parse({ childId: fx().A.id, entryId: entry(label), locale: "ur", title: "عنوان", "section-0": "ترجمہ۔", translatedBy: "Translator", ...fields }) });
    // No record opens for them, and nothing of one is listed.
    expect(await findChildrenForActor({ db: prisma(), actor: translator })).toEqual([]);
    await expect(findEntryForViewer({ db: prisma(), actor: translator, childId: fx().A.id, entryId: entry("F-03"), locale: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await findChronology({ db: prisma(), actor: translator, childId: fx().A.id, locale: "en", query: parseChronologyQuery({}) })).items).toEqual([]);
    // Nobody asked for F-03 in Urdu: not theirs to translate.
    await expect(asTranslator("F-03")).rejects.toMatchObject({ code: "NOT_FOUND" });

    await requestTranslation({ db: prisma(), clock, actor: actor("child"), childId: fx().A.id, entryId: entry("F-03"), locale: "ur" });
    const list = await findTasks({ db: prisma(), actor: translator, now: clock.now() });
    const task = list.tasks.find((t) => t.kind === "translation" && t.href.includes(entry("F-03")));
    expect(task).toMatchObject({ childName: "", href: `/records/${fx().A.id}/entries/${entry("F-03")}/translate?locale=ur` });
    const { id } = await asTranslator("F-03");
    await expect(checkTranslation({ db: prisma(), clock, actor: translator, check: checkTranslationForm.parse({ childId: fx().A.id, draftId: id, outcome: "approved", note: "" }) })).rejects.toMatchObject({ problems: [{ message: "staff:translation.errors.secondPerson" }] });
    await check("caseworker", id, "approved");
    expect(await readInUrdu("child", "F-03")).toMatchObject({ title: "عنوان", translation: { translatedBy: "Translator", checkedBy: actor("caseworker").displayName } });
    // Answered: the entry is no longer theirs to open.
    await expect(asTranslator("F-03", { title: "اور" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("staff send an entry to the translators; a sent translation leaves the translator's list and reopens as written", async () => {
    const translator: Actor = (await makeAccount(prisma(), clock, { role: "translator" })).actor;
    const childId = fx().A.id;
    const ask = (who: Who, label: string, locale = "ur") => askTranslator({ db: prisma(), clock, actor: actor(who), childId, entryId: entry(label), locale });
    const listOf = async (a: Actor) => (await findTasks({ db: prisma(), actor: a, now: clock.now() })).tasks.filter((t) => t.href.includes(entry("F-05")));
    const form = (a: Actor) => findTranslationForm({ db: prisma(), actor: a, childId, entryId: entry("F-05"), locale: "ur" });
    await expect(form(translator)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Only the child's staff, only in a language that needs one, only what the child or family can read.
    for (const who of ["child", "mother", "advocate", "otherCaseworker", "otherManager", "admin"] as const) {
      await expect(ask(who, "F-05"), who).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(ask("caseworker", "R-COURT")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ask("caseworker", "F-05", "en")).rejects.toMatchObject({ code: "INVALID" });
    expect(await prisma().translationRequest.count({ where: { entryId: { in: [entry("F-05"), entry("R-COURT")] } } })).toBe(0);

    await ask("caseworker", "F-05");
    await ask("caseworker", "F-05"); // twice is the same request
    const requests = await prisma().translationRequest.findMany({ where: { entryId: entry("F-05") }, select: { id: true, requesterId: true, locale: true } });
    expect(requests).toEqual([{ id: expect.any(String), requesterId: actor("caseworker").userId, locale: "ur" }]);
    expect(await prisma().auditEvent.count({ where: { action: "translation.requested", actorId: actor("caseworker").userId, subjectId: requests[0]!.id } })).toBe(1);
    expect((await findStaffEntryFacts({ db: prisma(), actor: actor("caseworker"), childId, entryId: entry("F-05"), now: clock.now() }))?.asked).toEqual(["ur"]);
    expect((await listOf(translator)).map((t) => t.kind)).toEqual(["translation"]);
    expect(await form(translator)).toMatchObject({ start: null, waiting: null });

    // Sent: off her list (the check is someone else's), and it reopens with what she wrote.
    const { id } = await submitTranslation({
      db: prisma(), clock, actor: translator,
      translation: submitTranslationForm.parse({ childId, entryId: entry("F-05"), locale: "ur", title: "ملاقات", "section-0": "جو میں نے لکھا۔", translatedBy: "Translator" }),
    });
    expect(await listOf(translator)).toEqual([]);
    expect(await form(translator)).toMatchObject({ waiting: { id, title: "ملاقات", sections: ["جو میں نے لکھا۔"], translatedBy: "Translator", mine: true } });
    expect((await listOf(actor("caseworker"))).map((t) => t.kind)).toEqual(["translationCheck"]);
    expect(await form(actor("caseworker"))).toMatchObject({ waiting: { id, mine: false } });

    // Sent back: on her list again, the form starting from what she wrote, with why.
    await check("caseworker", id, "returned", "Part 1 needs the date.");
    expect((await listOf(translator)).map((t) => t.kind)).toEqual(["translation"]);
    expect(await form(translator)).toMatchObject({ waiting: null, start: { title: "ملاقات" }, returnedNote: "Part 1 needs the date." });
  });
});
