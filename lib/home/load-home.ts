import "server-only";
import { findChildrenForActor } from "../access/index.ts";
import { requireSession } from "../auth/current.ts";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { audienceOf } from "../access/index.ts";
import { loadInbox } from "../contributions/loaders.ts";
import { loadOpenRequests } from "../rectification/loaders.ts";
import { getLocale } from "../i18n/server.ts";
import { findOpenTranslationRequests } from "../translations/index.ts";
import { findSharesAwaitingReview } from "../consent/index.ts";
import { findTasks, findTeamOverview } from "../tasks/index.ts";
import { scanningWarning } from "../uploads/index.ts";
import { loadNews } from "../news/loaders.ts";
import { findWaiting } from "./waiting.ts";

type Query = Record<string, string | string[] | undefined>;

/** The signed-in home: who you are, the records you may open (none for admins), and for staff the inbox. */
export async function loadHome(query: Query = {}) {
  const { actor } = await requireSession();
  const db = await getDb();
  const staff = audienceOf(actor) === "staff";
  const [children, translationRequests, inbox, corrections, shareReviews, tasks, team, locale, news, waiting] = await Promise.all([
    actor.role === "admin" ? [] : findChildrenForActor({ db, actor }),
    findOpenTranslationRequests({ db, actor }),
    staff ? loadInbox(actor, query) : null,
    staff ? loadOpenRequests(actor) : null,
    findSharesAwaitingReview({ db, actor }),
    actor.role === "caseworker" || actor.role === "translator" ? findTasks({ db, actor, now: systemClock.now() }) : null,
    findTeamOverview({ db, actor, now: systemClock.now() }),
    getLocale(),
    loadNews(actor, { before: typeof query.news === "string" ? query.news : null }),
    findWaiting({ db, actor, now: systemClock.now() }),
  ]);
  // An administrator is told when uploaded files are not virus-scanned (or cannot be sent).
  const uploadWarning = actor.role === "admin" ? scanningWarning() : null;
  return { actor, news, waiting, uploadWarning, children, translationRequests, inbox, corrections, shareReviews, tasks, allTasks: query.tasks === "all", team, allTeam: query.team === "all", locale, done: homeDone(query.done) };
}

// What a translator just did (they open no entry page to be told there).
const HOME_DONE = ["translationSent", "translationApproved", "translationReturned"] as const;
const homeDone = (v: unknown) => HOME_DONE.find((d) => d === v) ?? null;

export type HomeView = Awaited<ReturnType<typeof loadHome>>;
