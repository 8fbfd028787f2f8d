import "server-only";
import { minPasswordLength, secondFactorSummary } from "../auth/index.ts";
import { requireSession } from "../auth/current.ts";
import { getDb } from "../db/index.ts";

/** "Your account": who is signed in, how long their new password must be, and their security codes. */
export async function loadAccount() {
  const { actor } = await requireSession();
  const secondFactor = await secondFactorSummary(await getDb(), actor);
  return { displayName: actor.displayName, role: actor.role, minPasswordLength: minPasswordLength(actor.role), secondFactor };
}

export type AccountView = Awaited<ReturnType<typeof loadAccount>>;
