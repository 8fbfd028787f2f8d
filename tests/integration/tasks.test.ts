import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { saveContribution } from "../../lib/contributions/index.ts";
import { contributionForm } from "../../lib/contributions/form.ts";
import { askForCorrection, requestForm } from "../../lib/rectification/index.ts";
import { findTasks, findTeamOverview, type TaskList } from "../../lib/tasks/index.ts";
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
    expect(byKind(list, "caseSummary")).toMatchObject([{ childId: fx().A.id, dueOn: "2026-05-20", overdue: true }]);
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
});
