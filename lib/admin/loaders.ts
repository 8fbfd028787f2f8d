import "server-only";
import { systemClock } from "../clock.ts";
import { findAccount, findAdvocateRegister, findAllocations, isRole, listAccounts, listChildOptions, listPeopleOfChild, listTeams } from "../accounts/index.ts";
import { findImportRun, listImportRuns } from "../imports/index.ts";
import type { Role } from "../db/generated/enums.ts";
import { withAdmin, withRole } from "./guard.ts";
import { isUuid, one, pageOf, type Query } from "./query.ts";

/**
 * Accounts, a page at a time, by role. A search by part of a username is a form post
 * (findAccountsAction), never a query string: a username is personal data, kept out of addresses
 * and the logs that record them.
 */
export function loadAccounts(query: Query) {
  const roleText = one(query, "role");
  const role = roleText && isRole(roleText) ? roleText : undefined;
  return withAdmin(async ({ db, actor }) => ({ role, list: await listAccounts({ db, actor, role, page: pageOf(query) }) }));
}

export function loadAccount(userId: string, query: Query = {}) {
  return withAdmin(async ({ db, actor }) => ({ account: await findAccount({ db, actor, userId, now: systemClock.now() }), done: one(query, "done") }));
}

const LINKED: readonly Role[] = ["child", "parent", "carer", "advocate"];
const TEAMED: readonly Role[] = ["caseworker", "manager"];

/**
 * "Create an account", a page per step so it works without JavaScript: the role; for a young
 * person, parent, carer or advocate the child's record; then the details (for a parent, carer or
 * advocate: which person the record names).
 */
export function loadNewAccount(query: Query) {
  const roleText = one(query, "role");
  const role = roleText && isRole(roleText) ? roleText : undefined;
  const childParam = one(query, "child");
  return withAdmin(async ({ db, actor }) => {
    if (!role) return { step: "role" as const };
    if (LINKED.includes(role) && !isUuid(childParam) && !(role === "advocate" && childParam === "none")) {
      const children = await listChildOptions({ db, actor });
      return { step: "child" as const, role, children: role === "child" ? children.filter((c) => !c.hasAccount) : children };
    }
    if (role === "child") return { step: "details" as const, role, child: (await listPeopleOfChild({ db, actor, childId: childParam! })).child };
    if (LINKED.includes(role) && isUuid(childParam)) {
      const { child, people } = await listPeopleOfChild({ db, actor, childId: childParam });
      return { step: "details" as const, role, child, people: people.filter((p) => (p.relationship === "advocate") === (role === "advocate")) };
    }
    return { step: "details" as const, role, teams: TEAMED.includes(role) ? await listTeams({ db, actor }) : undefined };
  });
}

export type NewAccountView = Awaited<ReturnType<typeof loadNewAccount>>;

/** Allocations: an administrator's for every child. */
export function loadAllocations(query: Query) {
  return withAdmin(async ({ db, actor }) => ({ board: await findAllocations({ db, actor, page: pageOf(query) }), done: one(query, "done") }));
}

/** Allocations: a manager's, for their own team's children and caseworkers only. */
export function loadTeamAllocations(query: Query) {
  return withRole(["manager"], async ({ db, actor }) => ({ board: await findAllocations({ db, actor, page: pageOf(query) }), done: one(query, "done") }));
}

export function loadAdvocates(query: Query) {
  return withAdmin(async ({ db, actor }) => ({ register: await findAdvocateRegister({ db, actor }), done: one(query, "done") }));
}

export function loadImports(query: Query) {
  return withAdmin(async ({ db }) => ({ history: await listImportRuns({ db, page: pageOf(query) }) }));
}

export function loadImportRun(runId: string) {
  return withAdmin(async ({ db }) => ({ run: await findImportRun({ db, id: runId }) }));
}
