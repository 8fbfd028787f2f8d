import "server-only";

// A caseworker's work across their children as one list, soonest due first (#10).
export { collectTasks, findTasks, TASK_KINDS, type Task, type TaskKind, type TaskList } from "./find-tasks.ts";
export { findTeamOverview, TEAM_KINDS, type CaseworkerLoad, type LateVisit, type TeamOverview, type TeamTask } from "./team.ts";
