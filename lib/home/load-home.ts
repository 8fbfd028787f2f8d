import "server-only";
import { findChildrenForActor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { getDb } from "../db/index.ts";
import { findOpenTranslationRequests } from "../records/index.ts";

/** The signed-in home: who you are and the records you may open (none for admins). */
export async function loadHome() {
  const { actor } = await requireSession();
  const db = await getDb();
  const [children, translationRequests] = await Promise.all([
    actor.role === "admin" ? [] : findChildrenForActor({ db, actor }),
    findOpenTranslationRequests({ db, actor }),
  ]);
  return { actor, children, translationRequests };
}

export type HomeView = Awaited<ReturnType<typeof loadHome>>;
