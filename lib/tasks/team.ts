import "server-only";
import { childWhereForActor, type Actor } from "../access/index.ts";
import { addDays, londonDate, workingDaysBetween, type CivilDate } from "../calendar/index.ts";
import type { Db } from "../db/index.ts";
import { paths } from "../paths.ts";
import { childSelect, collectTasks, findTasks, nameOf, TASK_KINDS, type Task, type TaskKind } from "./find-tasks.ts";

// A manager's overview of their team (#10): what is due and overdue across the team's children,
// counted per caseworker, and visits written up late. A child with two allocated caseworkers
// counts for both. Each caseworker's counts come from the very query that makes their own task
// list (findTasks), so the two can never disagree about what is due or overdue.

/** Every kind of task: the caseworkers' own, and the proposals waiting on the manager. */
export const TEAM_KINDS = TASK_KINDS;
/** Recording policy: a visit is written up within 5 working days of it happening. */
const VISIT_DAYS = 5;
/** How far back late visits are looked for. */
const VISIT_WINDOW_DAYS = 92;

export type TeamTask = Task & { caseworkers: string[] };
export type LateVisit = { entryId: string; childId: string; childName: string; title: string; occurredOn: CivilDate; recordedOn: CivilDate; workingDays: number; href: string; caseworkers: string[] };
export type CaseworkerLoad = { id: string; name: string; counts: Record<TaskKind, { all: number; overdue: number }>; lateVisits: number };
export type TeamOverview = { tasks: TeamTask[]; overdue: number; caseworkers: CaseworkerLoad[]; lateVisits: LateVisit[] };

export async function findTeamOverview(input: { db: Db; actor: Actor; now: Date }): Promise<TeamOverview | null> {
  const { db, actor, now } = input;
  if (actor.role !== "manager") return null;
  const team = childWhereForActor(actor);
  const [list, allocations, lateVisits] = await Promise.all([
    collectTasks(db, team, now, TEAM_KINDS, actor.userId),
    db.grant.findMany({
      where: { kind: "allocation", revokedAt: null, child: team, user: { role: "caseworker", disabledAt: null, team: { members: { some: { id: actor.userId, role: "manager" } } } } },
      select: { childId: true, user: { select: { id: true, displayName: true } } },
      take: 2000,
    }),
    findLateVisits(db, team, londonDate(now)),
  ]);
  const workersOf = new Map<string, string[]>();
  for (const a of allocations) workersOf.set(a.childId, [...(workersOf.get(a.childId) ?? []), a.user.displayName]);
  const tasks = list.tasks.map((t) => ({ ...t, caseworkers: workersOf.get(t.childId) ?? [] }));
  const visits = lateVisits.map((v) => ({ ...v, caseworkers: workersOf.get(v.childId) ?? [] }));
  const workers = new Map(allocations.map((a) => [a.user.id, a.user.displayName]));
  const loads = await Promise.all([...workers].map(([id, name]) => loadOf(db, now, { id, name }, allocations, visits)));
  return { tasks, overdue: list.overdue, caseworkers: loads.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)), lateVisits: visits };
}

// One caseworker's counts, from their own task list: the same query, as that caseworker.
async function loadOf(db: Db, now: Date, worker: { id: string; name: string }, allocations: { childId: string; user: { id: string } }[], visits: LateVisit[]): Promise<CaseworkerLoad> {
  const own = await findTasks({ db, now, actor: { userId: worker.id, role: "caseworker", displayName: worker.name } });
  const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, { all: 0, overdue: 0 }])) as CaseworkerLoad["counts"];
  for (const t of own.tasks) {
    counts[t.kind].all += 1;
    if (t.overdue) counts[t.kind].overdue += 1;
  }
  const children = new Set(allocations.filter((a) => a.user.id === worker.id).map((a) => a.childId));
  return { ...worker, counts, lateVisits: visits.filter((v) => children.has(v.childId)).length };
}

async function findLateVisits(db: Db, team: ReturnType<typeof childWhereForActor>, today: CivilDate) {
  const rows = await db.entry.findMany({
    where: { child: team, type: "visit", status: "current", recordedAt: { gte: new Date(`${addDays(today, -VISIT_WINDOW_DAYS)}T00:00:00Z`) } },
    select: { id: true, childId: true, title: true, occurredAt: true, recordedAt: true, child: childSelect },
    orderBy: [{ recordedAt: "desc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.flatMap((r) => {
    const occurredOn = londonDate(r.occurredAt);
    const recordedOn = londonDate(r.recordedAt);
    const workingDays = workingDaysBetween(occurredOn, recordedOn);
    if (workingDays <= VISIT_DAYS) return [];
    return [{ entryId: r.id, childId: r.childId, childName: nameOf(r.child), title: r.title, occurredOn, recordedOn, workingDays, href: paths.entry(r.childId, r.id) }];
  });
}
