import "server-only";
import { minPasswordLength } from "../auth/index.ts";
import { requireSession } from "../auth/current.ts";

/** "Your account": who is signed in, and how long their new password must be. */
export async function loadAccount() {
  const { actor } = await requireSession();
  return { displayName: actor.displayName, role: actor.role, minPasswordLength: minPasswordLength(actor.role) };
}

export type AccountView = Awaited<ReturnType<typeof loadAccount>>;
