import type { Role } from "../../db/generated/enums.ts";

// Families (child, parent, carer, advocate) may turn a second factor on. Every other role is
// staff and must use one: a role added later is staff until listed here (fails closed).
const FAMILY: ReadonlySet<Role> = new Set<Role>(["child", "parent", "carer", "advocate"]);

export function secondFactorRequired(role: Role): boolean {
  return !FAMILY.has(role);
}

export const RECOVERY_CODE_COUNT = 10;
