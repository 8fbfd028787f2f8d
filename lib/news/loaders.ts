import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "../access/actor.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { countUnseenNews, listNews, openNewsItem } from "./queries.ts";
import { hasNews } from "./visible.ts";

/** Whether this person has a "what's new" at all (the header asks). */
export { hasNews };

/** What's new for the home page (every record) or one record's first screen. */
export async function loadNews(actor: Actor, opts: { childId?: string; before?: string | null } = {}) {
  if (!hasNews(actor)) return null;
  return listNews({ db: await getDb(), actor, now: systemClock.now(), ...opts });
}

/** The header's count, once per request. */
export const loadUnseenCount = cache(async (actor: Actor) => (hasNews(actor) ? countUnseenNews({ db: await getDb(), actor, now: systemClock.now() }) : 0));

/** Opening an item from the list or its email: marked seen, then on to where it leads. */
export async function loadNewsLink(id: string): Promise<string> {
  const { actor } = await requireSession();
  try {
    return await openNewsItem({ db: await getDb(), actor, now: systemClock.now(), id });
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
