import "server-only";
import { audienceOf, isStaffWorker, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { isLocale, LOCALES } from "../i18n/config.ts";
import { ORIGINAL_LOCALE } from "../records/index.ts";

// "Ask for a translation": a reader who sees an entry only in English asks for it in their
// language, and the request waits on the caseworker's home page until a translation exists.

export async function requestTranslation(input: { db: Db; clock: Clock; actor: Actor; childId: string; entryId: string; locale: string }) {
  const { db, actor, childId, entryId, locale } = input;
  if (!isLocale(locale) || locale === ORIGINAL_LOCALE) throw new Invalid("No translation is needed for this language");
  const entry = await db.entry.findFirst({ where: { AND: [readableEntryWhere(actor, childId), { id: entryId }] }, select: { id: true, childId: true } });
  if (!entry) throw new NotFound();
  await db.$transaction(async (tx) => {
    const existing = await tx.translationRequest.findUnique({
      where: { entryId_locale_requesterId: { entryId, locale, requesterId: actor.userId } },
      select: { id: true },
    });
    if (existing) return; // asking twice is the same request
    // Two presses at once: the second waits on the unique key, then finds nothing to insert.
    const [request] = await tx.translationRequest.createManyAndReturn({
      data: { childId: entry.childId, entryId, locale, requesterId: actor.userId, requestedAt: input.clock.now() },
      skipDuplicates: true,
    });
    if (!request) return;
    await appendAudit(tx, { actor, action: "translation.requested", childId: entry.childId, subjectType: "translation-request", subjectId: request.id, detail: { locale }, at: input.clock.now() });
  });
}

/**
 * "Ask a translator": the child's caseworker or a manager sends an entry to the translators in a
 * language they choose, as the same request a reader makes (on the translators' list until a
 * translation is checked, audited the same way). Only for an entry the child or family can read:
 * one kept from both has no reader for a translation, and is not sent outside the team.
 */
export async function askTranslator(input: { db: Db; clock: Clock; actor: Actor; childId: string; entryId: string; locale: string }) {
  const { db, actor, childId, entryId } = input;
  if (!isStaffWorker(actor)) throw new NotFound();
  const shared = await db.entry.findFirst({ where: { AND: [readableEntryWhere(actor, childId), { id: entryId }, { OR: [{ withChild: true }, { withFamily: true }] }] }, select: { id: true } });
  if (!shared) throw new NotFound();
  await requestTranslation(input);
}

export async function hasRequestedTranslation(db: Db, actor: Actor, entryId: string, locale: string): Promise<boolean> {
  const row = await db.translationRequest.findUnique({
    where: { entryId_locale_requesterId: { entryId, locale, requesterId: actor.userId } },
    select: { id: true },
  });
  return row !== null;
}

export type OpenTranslationRequest = { id: string; childId: string; childName: string; entryId: string; entryTitle: string; locale: string; requestedAt: Date };

/**
 * Requests on entries this member of staff may read that no translation has answered yet, one per
 * entry and language, oldest first. "Answered" is decided in the query (one clause per language
 * the portal offers), so answered requests can never crowd out open ones.
 */
export async function findOpenTranslationRequests(input: { db: Db; actor: Actor }): Promise<OpenTranslationRequest[]> {
  if (audienceOf(input.actor) !== "staff") return [];
  const unanswered = LOCALES.filter((l) => l !== ORIGINAL_LOCALE).map((locale) => ({ locale, entry: { translations: { none: { locale } } } }));
  const rows = await input.db.translationRequest.findMany({
    where: { AND: [{ entry: readableEntryWhere(input.actor, null) }, { OR: unanswered }] },
    distinct: ["entryId", "locale"],
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      childId: true,
      entryId: true,
      locale: true,
      requestedAt: true,
      child: { select: { fullName: true, preferredName: true } },
      entry: { select: { title: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    childId: r.childId,
    childName: r.child.preferredName ?? r.child.fullName,
    entryId: r.entryId,
    entryTitle: r.entry.title,
    locale: r.locale,
    requestedAt: r.requestedAt,
  }));
}
