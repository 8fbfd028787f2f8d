import type { Role } from "../db/generated/enums.ts";

// Who is acting. Domain functions take this as an argument; only loaders and actions read the session.
export type Actor = {
  userId: string;
  role: Role;
  displayName: string;
  sessionId?: string;
};

// A process acting on its own behalf (imports, command-line account tools).
export type SystemActor = { userId: null; role: "system"; displayName: string };

export const STAFF_ROLES: readonly Role[] = ["caseworker", "manager", "admin", "translator"];
export const FAMILY_ROLES: readonly Role[] = ["child", "parent", "carer", "advocate"];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
