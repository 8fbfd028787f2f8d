import type { Actor, SystemActor } from "../access/index.ts";
import { Forbidden } from "../errors/index.ts";

/** Accounts are managed by admins and by the command-line tools (the system actor). */
export function assertMayManageAccounts(actor: Actor | SystemActor): void {
  if (actor.role !== "system" && actor.role !== "admin") throw new Forbidden("Only an administrator can manage accounts");
}

// Prisma reports a unique-constraint violation as P2002 (also through the driver adapters).
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
