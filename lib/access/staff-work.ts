import type { Actor } from "./actor.ts";

// Who may act on a record's entries beyond reading them (issue 10). These say whether the role
// may act at all; the where-clauses (readableEntryWhere, translatableEntryWhere, childWhereForActor)
// then say on which entries, so a refusal by either is the same "not found".

/**
 * The staff who work a child's record: caseworkers and managers. They propose restrictions and
 * send entries to the translators. Narrower than isStaff, which also counts admins and translators.
 */
export function isStaffWorker(actor: Actor): boolean {
  return actor.role === "caseworker" || actor.role === "manager";
}

/** Who may write or check a translation: translators, and the staff who work the record. */
export function mayTranslate(actor: Actor): boolean {
  return actor.role === "translator" || isStaffWorker(actor);
}

/** Whether the role may decide or review restrictions at all: managers. Which children: the where-clauses in lib/restrictions/workflow.ts (their team's). */
export function mayDecideRestrictions(actor: Actor): boolean {
  return actor.role === "manager";
}
