import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { getDb, type Db } from "../db/index.ts";
import { AppError, Forbidden } from "../errors/index.ts";

// The administrator's pages answer everyone else "not found", as record pages do, so nobody
// learns what is there; a manager's allocation page likewise answers only managers.

export type AdminCtx = { db: Db; actor: Actor };

export async function withRole<T>(roles: readonly Actor["role"][], load: (ctx: AdminCtx) => Promise<T>): Promise<T & { actor: Actor }> {
  const { actor } = await requireSession();
  if (!roles.includes(actor.role)) notFound();
  try {
    return { actor, ...(await load({ db: await getDb(), actor })) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export const withAdmin = <T>(load: (ctx: AdminCtx) => Promise<T>) => withRole(["admin"], load);

/** For actions: an administrator, or refused exactly as not found. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new Forbidden("Only an administrator");
}
