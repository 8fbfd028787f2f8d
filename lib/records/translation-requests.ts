import "server-only";
import { childWhereForActor, readableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
import { Invalid, NotFound } from "../errors/index.ts";
import { isLocale } from "../i18n/config.ts";
import { ORIGINAL_LOCALE } from "./entry.ts";

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
    const request = await tx.translationRequest.create({
      data: { childId: entry.childId, entryId, locale, requesterId: actor.userId, requestedAt: input.clock.now() },
    });
    await appendAudit(tx, { actor, action: "translation.requested", childId: entry.childId, subjectType: "translation-request", subjectId: request.id, detail: { locale }, at: input.clock.now() });
  });
}

export async function hasRequestedTranslation(db: Db, actor: Actor, entryId: string, locale: string): Promise<boolean> {
  const row = await db.translationRequest.findUnique({
    where: { entryId_locale_requesterId: { entryId, locale, requesterId: actor.userId } },
    select: { id: true },
  });
  return row !== null;
}

export type OpenTranslationRequest = { id: string; childId: string; childName: string; entryId: string; entryTitle: string; locale: string; requestedAt: Date };

/** Requests on this member of staff's children that no translation has answered yet, oldest first. */
export async function findOpenTranslationRequests(input: { db: Db; actor: Actor }): Promise<OpenTranslationRequest[]> {
  if (input.actor.role !== "caseworker" && input.actor.role !== "manager") return [];
  const rows = await input.db.translationRequest.findMany({
    where: { child: childWhereForActor(input.actor) },
    orderBy: { requestedAt: "asc" },
    take: 200,
    select: {
      id: true,
      childId: true,
      entryId: true,
      locale: true,
      requestedAt: true,
      child: { select: { fullName: true, preferredName: true } },
      entry: { select: { title: true, translations: { select: { locale: true } } } },
    },
  });
  return rows
    .filter((r) => !r.entry.translations.some((t) => t.locale === r.locale))
    .slice(0, 50)
    .map((r) => ({
      id: r.id,
      childId: r.childId,
      childName: r.child.preferredName ?? r.child.fullName,
      entryId: r.entryId,
      entryTitle: r.entry.title,
      locale: r.locale,
      requestedAt: r.requestedAt,
    }));
}
