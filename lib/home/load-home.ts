import "server-only";
import { findChildrenForActor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { getDb } from "../db/index.ts";

/** The signed-in home: who you are and the records you may open (none for admins). */
export async function loadHome() {
  const { actor } = await requireSession();
  const children = actor.role === "admin" ? [] : await findChildrenForActor({ db: await getDb(), actor });
  return { actor, children };
}

export type HomeView = Awaited<ReturnType<typeof loadHome>>;
