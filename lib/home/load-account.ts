import "server-only";
import { requireSession } from "../auth/current.ts";

/** "Your account": who is signed in. Read from the session already checked for this request. */
export async function loadAccount() {
  const { actor } = await requireSession();
  return { displayName: actor.displayName, role: actor.role };
}

export type AccountView = Awaited<ReturnType<typeof loadAccount>>;
