import "server-only";
import { findChildrenForActor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { getDb } from "../db/index.ts";
import { audienceOf } from "../access/index.ts";
import { loadInbox } from "../contributions/index.ts";
import { getLocale } from "../i18n/server.ts";
import { findOpenTranslationRequests } from "../records/index.ts";

type Query = Record<string, string | string[] | undefined>;

/** The signed-in home: who you are, the records you may open (none for admins), and for staff the inbox. */
export async function loadHome(query: Query = {}) {
  const { actor } = await requireSession();
  const db = await getDb();
  const [children, translationRequests, inbox, locale] = await Promise.all([
    actor.role === "admin" ? [] : findChildrenForActor({ db, actor }),
    findOpenTranslationRequests({ db, actor }),
    audienceOf(actor) === "staff" ? loadInbox(actor, query) : null,
    getLocale(),
  ]);
  return { actor, children, translationRequests, inbox, locale };
}

export type HomeView = Awaited<ReturnType<typeof loadHome>>;
