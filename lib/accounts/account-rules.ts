import { z } from "zod";
import type { Role } from "../db/generated/enums.ts";
import { Role as Roles } from "../db/generated/enums.ts";
import { Invalid } from "../errors/index.ts";
import { isStaff } from "../access/index.ts";
import { assertPasswordAllowed } from "../auth/index.ts";
import { isValidUsername, normalizeUsername } from "../auth/index.ts";

// A record is named by the council's external id (the command line) or by the portal's own id
// (the browser, which picks from lists).
export type AccountLinks = { childExternalId?: string; personExternalId?: string; childId?: string; personId?: string; team?: string };

export const ROLES = Object.values(Roles) as Role[];

export function isRole(value: string): value is Role {
  return (ROLES as string[]).includes(value);
}

/** The normalised username, or Invalid with the rule spelled out. */
export function parseUsername(raw: string): string {
  const username = normalizeUsername(raw);
  if (!isValidUsername(username)) {
    throw new Invalid("Usernames are 2 to 64 characters: letters, digits, dots, underscores or hyphens, starting with a letter or digit", [
      { path: "username", message: "admin:errors.usernameInvalid" },
    ]);
  }
  return username;
}

// Where notification emails go. Checked for shape only: whether it reaches anyone shows when
// the first email is sent.
const EMAIL = z.email().max(254);

/** The trimmed email address, or Invalid. */
export function parseEmail(raw: string): string {
  const parsed = EMAIL.safeParse(raw.trim());
  if (!parsed.success) throw new Invalid("That is not an email address", [{ path: "email", message: "admin:errors.emailInvalid" }]);
  return parsed.data;
}

/**
 * The password rule (lib/auth checkPasswordPolicy) for a password an administrator or the
 * command line sets. The username is not passed: the demo admin's public password contains its
 * username, and a person who is set a password chooses their own when they change it (where the
 * username check applies).
 */
export function assertPasswordFits(role: Role, password: string): void {
  assertPasswordAllowed(role, password);
}

/**
 * Which record an account hangs from depends on its role: a child account names its child,
 * family accounts name their person (advocates may, when a record names them), staff name neither (their access comes from
 * allocations), and only caseworkers and managers belong to a team.
 */
export function assertLinksFit(role: Role, links: AccountLinks): void {
  const child = links.childExternalId ?? links.childId;
  const person = links.personExternalId ?? links.personId;
  const { team } = links;
  if (role === "child") {
    if (!child) throw new Invalid("A child account must name the child's record (--child)");
    if (person) throw new Invalid("A child account cannot name a person");
  } else if (isStaff(role)) {
    if (child || person) throw new Invalid(`A ${role} account cannot name a child or a person`);
  } else {
    // An advocate from the council's register needs no person: children choose them in the portal.
    if (!person && role !== "advocate") throw new Invalid(`A ${role} account must name the person it belongs to (--person)`);
    if (child) throw new Invalid(`A ${role} account names a person, not a child`);
  }
  if (team !== undefined && role !== "caseworker" && role !== "manager") {
    throw new Invalid("Only caseworker and manager accounts belong to a team");
  }
  if (team !== undefined && !team.trim()) throw new Invalid("The team name is empty");
}
