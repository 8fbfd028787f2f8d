import "server-only";
import { mayTranslate, readableEntryWhere, translatableEntryWhere, type Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../clock.ts";
import type { Db, Prisma } from "../db/index.ts";
import { Conflict, Invalid, NotFound } from "../errors/index.ts";
import { tell } from "../news/index.ts";
import { paths } from "../paths.ts";
import { lockEntry as lockWhere, ORIGINAL_LOCALE } from "../records/index.ts";
import type { CheckTranslationInput, SubmitTranslationInput } from "./form.ts";

// Translations written in the portal (issue 10). A member of staff who can read the entry, or a
// translator (who opens no record, only the entries waiting for a translation), submits
// a translation, naming who made it; a different member of staff checks it against the original
// and approves it (it is then what readers of that language see, and their requests are answered)
// or returns it with a note. Two people, always: held here and by a database trigger.

type Tx = Prisma.TransactionClient;
const UNCHECKED = { check: { is: null } } as const;

export async function submitTranslation(input: { db: Db; clock: Clock; actor: Actor; translation: SubmitTranslationInput }): Promise<{ id: string }> {
  const { db, clock, actor, translation: t } = input;
  if (!mayTranslate(actor)) throw new NotFound();
  if (t.locale === ORIGINAL_LOCALE) throw new Invalid("Entries are written in English", [{ path: "locale", message: "staff:translation.errors.choose" }]);
  return db.$transaction(async (tx) => {
    const entry = await lockEntry(tx, actor, t.childId, t.entryId);
    if (t.sections.length !== entry.sections) {
      throw new Invalid("One translation per part", [{ path: "sections", message: "staff:translation.errors.everyPart" }]);
    }
    if (await tx.translationDraft.count({ where: { entryId: entry.id, locale: t.locale, ...UNCHECKED } })) throw new Conflict("A translation is waiting to be checked");
    const now = clock.now();
    const draft = await tx.translationDraft.create({
      data: { entryId: entry.id, entryVersion: entry.version, locale: t.locale, title: t.title, sections: t.sections, translatedBy: t.translatedBy, submittedById: actor.userId, submittedAt: now },
      select: { id: true },
    });
    await appendAudit(tx, { actor, action: "translation.submitted", childId: entry.childId, subjectType: "entry", subjectId: entry.id, detail: { locale: t.locale }, at: now });
    return draft;
  });
}

/** Approves (publishes) or returns a translation; answers the entry it was for. */
export async function checkTranslation(input: { db: Db; clock: Clock; actor: Actor; check: CheckTranslationInput }): Promise<{ entryId: string }> {
  const { db, clock, actor, check } = input;
  if (!mayTranslate(actor)) throw new NotFound();
  const note = check.note.trim();
  if (check.outcome === "returned" && !note) throw new Invalid("Say what needs changing", [{ path: "note", message: "staff:translation.errors.noteNeeded" }]);
  return db.$transaction(async (tx) => {
    const draft = await tx.translationDraft.findFirst({
      where: { id: check.draftId, entry: translatableEntryWhere(actor, check.childId) },
      select: { id: true, entryId: true, entryVersion: true, locale: true, title: true, sections: true, translatedBy: true, submittedById: true, submittedAt: true },
    });
    if (!draft) throw new NotFound();
    const entry = await lockEntry(tx, actor, check.childId, draft.entryId);
    if (await tx.translationCheck.count({ where: { draftId: draft.id } })) throw new Conflict("Already checked");
    if (draft.submittedById === actor.userId) {
      throw new Invalid("Someone else must check it", [{ path: "outcome", message: "staff:translation.errors.secondPerson" }]);
    }
    if (check.outcome === "approved" && draft.entryVersion !== entry.version) {
      throw new Invalid("The entry has changed", [{ path: "outcome", message: "staff:translation.errors.entryChanged" }]);
    }
    const now = clock.now();
    await tx.translationCheck.create({ data: { draftId: draft.id, outcome: check.outcome, note, checkedById: actor.userId, checkedAt: now } });
    if (check.outcome === "approved") await publish(tx, actor, entry.childId, draft, now);
    await appendAudit(tx, { actor, action: "translation.checked", childId: entry.childId, subjectType: "entry", subjectId: entry.id, detail: { locale: draft.locale, outcome: check.outcome }, at: now });
    return { entryId: entry.id };
  });
}

type Draft = { entryId: string; locale: string; title: string; sections: string[]; translatedBy: string; submittedAt: Date };

// What readers of that language now see; everyone who asked for it, and may still read the entry,
// hears that it is there. The notice links to the entry, so someone who has lost sight of it since
// (kept from them, excluded by name) is told nothing.
async function publish(tx: Tx, actor: Actor, childId: string, d: Draft, now: Date) {
  const row = { title: d.title, sections: d.sections, translatedBy: d.translatedBy, checkedBy: actor.displayName, translatedAt: d.submittedAt };
  await tx.entryTranslation.upsert({ where: { entryId_locale: { entryId: d.entryId, locale: d.locale } }, create: { entryId: d.entryId, locale: d.locale, ...row }, update: row });
  const asked = await tx.translationRequest.findMany({ where: { entryId: d.entryId, locale: d.locale }, select: { requester: { select: { id: true, role: true, displayName: true } } } });
  for (const { requester } of asked) {
    const reader: Actor = { userId: requester.id, role: requester.role, displayName: requester.displayName };
    if ((await tx.entry.count({ where: { AND: [{ id: d.entryId }, readableEntryWhere(reader, childId)] } })) === 0) continue;
    await tell(tx, { recipientId: requester.id, childId, kind: "translation-ready", link: paths.entry(childId, d.entryId), entryId: d.entryId, now });
  }
}

// The entry locked (if this viewer may translate it), with how many parts a translation of it must have.
async function lockEntry(tx: Tx, actor: Actor, childId: string, entryId: string) {
  const entry = await lockWhere(tx, translatableEntryWhere(actor, childId), entryId);
  return { ...entry, sections: await tx.entrySection.count({ where: { entryId } }) };
}
