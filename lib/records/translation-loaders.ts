import "server-only";
import { audienceOf, readableEntryWhere } from "../access/index.ts";
import { NotFound } from "../errors/index.ts";
import { isLocale } from "../i18n/config.ts";
import { ORIGINAL_LOCALE } from "./entry-content.ts";
import { withRecord } from "./loaders.ts";

// The two translation pages (issue 10), for staff only: writing a translation of an entry, and
// checking one that someone else wrote. Everyone else finds nothing.

type Params = Record<string, string | string[] | undefined>;

export function loadTranslationForm(childId: string, entryId: string, searchParams: Params) {
  const locale = searchParams.locale;
  return withRecord(childId, "entry", async ({ db, actor }) => {
    if (audienceOf(actor) !== "staff" || !isLocale(locale) || locale === ORIGINAL_LOCALE) throw new NotFound();
    const entry = await db.entry.findFirst({
      where: { AND: [readableEntryWhere(actor, childId), { id: entryId }] },
      select: {
        id: true, title: true,
        sections: { orderBy: { position: "asc" }, select: { text: true } },
        translations: { where: { locale }, select: { title: true, sections: true } },
        // The last one sent back, so whoever takes it up starts from it and sees why.
        translationDrafts: { where: { locale, check: { is: { outcome: "returned" } } }, orderBy: { submittedAt: "desc" }, take: 1, select: { title: true, sections: true, translatedBy: true, check: { select: { note: true } } } },
      },
    });
    if (!entry) throw new NotFound();
    const returned = entry.translationDrafts[0] ?? null;
    const start = returned ?? entry.translations[0] ?? null;
    return {
      target: locale,
      original: { id: entry.id, title: entry.title, sections: entry.sections.map((s) => s.text) },
      start: start ? { title: start.title, sections: start.sections, translatedBy: returned?.translatedBy ?? null } : null,
      returnedNote: returned?.check?.note ?? null,
    };
  }, () => entryId);
}

export function loadTranslationCheck(childId: string, entryId: string, draftId: string) {
  return withRecord(childId, "entry", async ({ db, actor }) => {
    if (audienceOf(actor) !== "staff" || !/^[0-9a-f-]{36}$/i.test(draftId)) throw new NotFound();
    const draft = await db.translationDraft.findFirst({
      where: { id: draftId, entryId, entry: readableEntryWhere(actor, childId) },
      select: {
        id: true, locale: true, title: true, sections: true, translatedBy: true, submittedAt: true, submittedById: true,
        submittedBy: { select: { displayName: true } },
        check: { select: { outcome: true } },
        entry: { select: { id: true, title: true, sections: { orderBy: { position: "asc" }, select: { text: true } } } },
      },
    });
    if (!draft) throw new NotFound();
    return {
      draft: {
        id: draft.id, locale: draft.locale, title: draft.title, sections: draft.sections, translatedBy: draft.translatedBy,
        by: draft.submittedBy.displayName, at: draft.submittedAt, checked: draft.check !== null, mine: draft.submittedById === actor.userId,
      },
      original: { id: draft.entry.id, title: draft.entry.title, sections: draft.entry.sections.map((s) => s.text) },
    };
  }, () => entryId);
}
