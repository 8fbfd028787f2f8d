import "server-only";

// A caseworker's work across their children as one list, soonest due first (#10).
export { findTasks, TASK_KINDS, type Task, type TaskKind, type TaskList } from "./find-tasks.ts";
