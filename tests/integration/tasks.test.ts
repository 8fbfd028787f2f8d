import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { askForCorrection, requestForm } from "../../lib/rectification/index.ts";
import { findTasks, findTeamOverview, TASK_KINDS, type TaskList } from "../../lib/tasks/index.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { paths } from "../../lib/paths.ts";
import { requestTranslation } from "../../lib/translations/index.ts";
import { submitTranslationForm } from "../../lib/translations/form.ts";
import { submitTranslation } from "../../lib/translations/drafts.ts";
import { makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { databaseKinds } from "../helpers/db.ts";
import { useVisibilityFixture, type Who } from "../helpers/visibility-suite.ts";

// The caseworker's task list on both databases: what waits on them across their children, with
// due dates from the rows themselves, soonest first, overdue marked; nothing of other children.
describe.each(databaseKinds())("the caseworker's tasks on %s", (kind) => {
  // Wednesday 2 December 2026, 10:00 in London.
  const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
  const { prisma, fx, actor, entry, store } = useVisibilityFixture(kind, clock);

  const tasks = (who: Who = "caseworker") => findTasks({ db: prisma(), actor: actor(who), now: clock.now() });
  const byKind = (list: TaskList, kind: string) => list.tasks.filter((t) => t.kind === kind);

  it("lists restriction reviews falling due, entries to read with the child and a stale case summary, overdue ones marked", async () => {
    const list = await tasks();
    // R-HARM and R-HARM-FAM were due on 1 December; later reviews are not due within 30 days.
    expect(byKind(list, "restrictionReview").map((t) => [t.dueOn, t.overdue])).toEqual([["2026-12-01", true], ["2026-12-01", true]]);
    // RWW-WAIT, written 29 January, waits to be read with Amira (RWW-DONE was read with her).
    expect(byKind(list, "readWithChild").map((t) => [t.id, t.dueOn])).toEqual([[entry("RWW-WAIT"), "2026-02-12"]]);
    // The latest case summary (20 February) was due again on 20 May.
    // Summaries come from the case system: the task says so ("old") and opens the latest one.
    expect(byKind(list, "caseSummary")).toMatchObject([{ childId: fx().A.id, dueOn: "2026-05-20", overdue: true, title: "old", href: paths.entry(fx().A.id, entry("R-CONF")) }]);
    expect(list.tasks.map((t) => t.dueOn)).toEqual([...list.tasks.map((t) => t.dueOn)].sort());
    expect(list.counts).toMatchObject({ restrictionReview: 2, readWithChild: 1, caseSummary: 1 });
  });

  it("adds what families send and ask for, each with its due date, and drops a translation once made", async () => {
    await saveContribution({
      db: prisma(), clock, actor: actor("child"), locale: "en", files: [], store,
      form: contributionForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), kind: "wish", body: "I want to see my gran.", intent: "send" }),
    });
    await askForCorrection({
      db: prisma(), clock, actor: actor("mother"), locale: "en", files: [], store,
      form: requestForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), items: [`${entry("E-BOTH")}:0`], whatIsWrong: "The date is wrong.", whatItShouldSay: "" }),
    });
    await prisma().translationRequest.create({ data: { childId: fx().A.id, entryId: entry("E-BOTH"), locale: "ur", requesterId: actor("mother").userId, requestedAt: clock.now() } });
    const list = await tasks();
    expect(byKind(list, "contribution").map((t) => [t.title, t.dueOn, t.overdue])).toEqual([["wish", "2026-12-16", false]]);
    expect(byKind(list, "correction").map((t) => [t.title, t.dueOn])).toEqual([["The date is wrong.", "2027-01-04"]]);
    expect(byKind(list, "translation").map((t) => [t.title, t.dueOn])).toEqual([[expect.any(String), "2026-12-16"]]);
    await prisma().entryTranslation.create({ data: { entryId: entry("E-BOTH"), locale: "ur", title: "عنوان", sections: [], translatedBy: "A translator", translatedAt: clock.now() } });
    expect(byKind(await tasks(), "translation")).toEqual([]);
  });

  it("holds nothing of other children, and is the caseworker's alone", async () => {
    const mine = await tasks();
    expect(new Set(mine.tasks.map((t) => t.childId))).toEqual(new Set([fx().A.id]));
    const theirs = await tasks("otherCaseworker");
    expect(theirs.tasks.some((t) => t.childId === fx().A.id)).toBe(false);
    // Child B's court restriction falls due on 24 December: on their list, not on ours.
    expect(byKind(theirs, "restrictionReview").map((t) => [t.childId, t.dueOn])).toEqual([[fx().B.id, "2026-12-24"]]);
    for (const who of ["child", "mother", "advocate", "manager", "admin"] as const) expect((await tasks(who)).tasks, who).toEqual([]);
  });

  it("gives the manager their team's work counted per caseworker, and visits written up late", async () => {
    // E-BOTH, a visit on Monday 2 November, written up on Tuesday 10 November: 6 working days later.
    await prisma().entry.update({ where: { id: entry("E-BOTH") }, data: { occurredAt: new Date("2026-11-02T10:00:00Z"), recordedAt: new Date("2026-11-10T16:00:00Z") } });
    const team = (await findTeamOverview({ db: prisma(), actor: actor("manager"), now: clock.now() }))!;
    const worker = actor("caseworker").displayName;
    const load = team.caseworkers.find((c) => c.name === worker)!;
    expect(load.counts).toMatchObject({ restrictionReview: { all: 2, overdue: 2 }, caseSummary: { all: 1, overdue: 1 }, correction: { all: 1, overdue: 0 }, contribution: { all: 1, overdue: 0 } });
    expect(load.lateVisits).toBe(1);
    expect(team.lateVisits).toMatchObject([{ entryId: entry("E-BOTH"), occurredOn: "2026-11-02", recordedOn: "2026-11-10", workingDays: 6, caseworkers: [worker] }]);
    expect(team.tasks.every((t) => t.childId === fx().A.id && t.caseworkers.includes(worker))).toBe(true);
    expect(team.tasks.map((t) => t.dueOn)).toEqual([...team.tasks.map((t) => t.dueOn)].sort());
    // Another team's manager sees none of it; a caseworker has no overview.
    const other = (await findTeamOverview({ db: prisma(), actor: actor("otherManager"), now: clock.now() }))!;
    expect(other.tasks.some((t) => t.childId === fx().A.id) || other.lateVisits.length > 0).toBe(false);
    expect(await findTeamOverview({ db: prisma(), actor: actor("caseworker"), now: clock.now() })).toBeNull();
  });

  it("cuts a long correction's title at a word and says so with '…'", async () => {
    const whatIsWrong = "It says my mum did not come to the meeting but she did, and the money I told the worker about was 20.";
    await askForCorrection({
      db: prisma(), clock, actor: actor("mother"), locale: "en", files: [], store,
      form: requestForm.parse({ childId: fx().A.id, submissionKey: randomUUID(), items: [`${entry("E-BOTH")}:0`], whatIsWrong, whatItShouldSay: "" }),
    });
    const title = byKind(await tasks(), "correction").map((t) => t.title).find((t) => t.startsWith("It says my mum"))!;
    expect(title.endsWith("…")).toBe(true);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(whatIsWrong.startsWith(title.slice(0, -1))).toBe(true);
    expect(whatIsWrong[title.length - 1]).toBe(" ");
  });

  it("counts for the manager, per caseworker, exactly what each caseworker's own list holds, per kind and overdue", async () => {
    // A second caseworker of the team shares Amira; a translation is asked for; the first caseworker
    // writes one, which waits on the second (and the manager) to check, never on its writer.
    const { team } = await prisma().user.findUniqueOrThrow({ where: { id: actor("caseworker").userId }, select: { team: { select: { name: true } } } });
    const second = await makeAccount(prisma(), clock, { role: "caseworker", team: team!.name });
    const { externalId } = await prisma().child.findUniqueOrThrow({ where: { id: fx().A.id }, select: { externalId: true } });
    await allocateCaseworker({ db: prisma(), clock, actor: SYSTEM, username: second.username, childExternalId: externalId });
    await requestTranslation({ db: prisma(), clock, actor: actor("child"), childId: fx().A.id, entryId: entry("F-03"), locale: "ur" });
    await submitTranslation({
      db: prisma(), clock, actor: actor("caseworker"),
      translation: submitTranslationForm.parse({ childId: fx().A.id, entryId: entry("E-CHILD"), locale: "ur", title: "عنوان", "section-0": "ترجمہ۔", translatedBy: "A caseworker" }),
    });
    const overview = (await findTeamOverview({ db: prisma(), actor: actor("manager"), now: clock.now() }))!;
    for (const worker of [actor("caseworker"), second.actor]) {
      const own = await findTasks({ db: prisma(), actor: worker, now: clock.now() });
      const load = overview.caseworkers.find((c) => c.id === worker.userId)!;
      for (const k of TASK_KINDS) {
        const mine = own.tasks.filter((t) => t.kind === k);
        expect(load.counts[k], `${worker.displayName} ${k}`).toEqual({ all: mine.length, overdue: mine.filter((t) => t.overdue).length });
      }
      expect(Object.values(load.counts).reduce((n, c) => n + c.overdue, 0)).toBe(own.overdue);
    }
    // The kinds the overview used to leave out are there.
    const first = overview.caseworkers.find((c) => c.id === actor("caseworker").userId)!;
    const other = overview.caseworkers.find((c) => c.id === second.actor.userId)!;
    expect(first.counts.readWithChild.all).toBe(1);
    expect(first.counts.translation.all).toBeGreaterThan(0);
    expect([first.counts.translationCheck.all, other.counts.translationCheck.all]).toEqual([0, 1]);
    expect(overview.tasks.some((t) => t.kind === "readWithChild")).toBe(true);
  });
});
