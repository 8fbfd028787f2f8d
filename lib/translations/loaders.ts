import "server-only";
import { translatableEntryWhere, type Actor } from "../access/index.ts";
import type { Db } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { isLocale } from "../i18n/config.ts";
import { openRecord, ORIGINAL_LOCALE } from "../records/index.ts";
import { withRecord, type RecordCtx, type RecordOpener } from "../records/loaders.ts";

// The two translation pages (issue 10): writing a translation of an entry, and checking one that
// someone else wrote. For the child's staff, and for translators, who open no record: only the
// entries waiting for a translation or a check. Everyone else finds nothing. Every look is on the
// child's "who has looked at my record" list.

type Params = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f-]{36}$/i;

function withTranslatable<T>(childId: string, entryId: string, load: (ctx: RecordCtx) => Promise<T>) {
  return withRecord(childId, "entry", load, { viewed: () => entryId, open: openForTranslation(entryId) });
}

// Staff open the record as on every record page. A translator opens no record: what they may see
// is decided by translatableEntryWhere in the page's own queries, and the page names no child.
function openForTranslation(entryId: string): RecordOpener {
  return async (db, actor, childId) => {
    if (actor.role !== "translator") return openRecord(db, actor, childId);
    if (!UUID.test(childId) || !UUID.test(entryId)) throw new NotFound();
    return { id: childId, name: "" };
  };
}

export function loadTranslationForm(childId: string, entryId: string, searchParams: Params) {
  return withTranslatable(childId, entryId, ({ db, actor }) => findTranslationForm({ db, actor, childId, entryId, locale: searchParams.locale }));
}

/**
 * What the translation page starts from: the original; the last translation sent back (with why)
 * or the published one; and a translation already sent and waiting for its check, which is shown
 * as written rather than as an empty form to write again.
 */
export async function findTranslationForm(input: { db: Db; actor: Actor; childId: string; entryId: string; locale: unknown }) {
  const { db, actor, childId, entryId, locale } = input;
  if (!isLocale(locale) || locale === ORIGINAL_LOCALE) throw new NotFound();
  const entry = await db.entry.findFirst({
    where: { AND: [translatableEntryWhere(actor, childId), { id: entryId }] },
    select: {
      id: true, title: true,
      sections: { orderBy: { position: "asc" }, select: { text: true } },
      translations: { where: { locale }, select: { title: true, sections: true } },
      // The last one sent back, so whoever takes it up starts from it and sees why.
      translationDrafts: { where: { locale, check: { is: { outcome: "returned" } } }, orderBy: { submittedAt: "desc" }, take: 1, select: { title: true, sections: true, translatedBy: true, check: { select: { note: true } } } },
    },
  });
  if (!entry) throw new NotFound();
  // One already sent and not yet checked: shown as written, waiting, not as an empty form.
  const waiting = await db.translationDraft.findFirst({
    where: { entryId: entry.id, locale, check: { is: null } },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, sections: true, translatedBy: true, submittedAt: true, submittedById: true, submittedBy: { select: { displayName: true } } },
  });
  const returned = entry.translationDrafts[0] ?? null;
  const start = returned ?? entry.translations[0] ?? null;
  return {
    target: locale,
    original: { id: entry.id, title: entry.title, sections: entry.sections.map((s) => s.text) },
    start: start ? { title: start.title, sections: start.sections, translatedBy: returned?.translatedBy ?? null } : null,
    returnedNote: returned?.check?.note ?? null,
    waiting: waiting && {
      id: waiting.id, title: waiting.title, sections: waiting.sections, translatedBy: waiting.translatedBy,
      by: waiting.submittedBy.displayName, at: waiting.submittedAt, mine: waiting.submittedById === actor.userId,
    },
  };
}

export function loadTranslationCheck(childId: string, entryId: string, draftId: string) {
  return withTranslatable(childId, entryId, async ({ db, actor }) => {
    if (!UUID.test(draftId)) throw new NotFound();
    const draft = await db.translationDraft.findFirst({
      where: { id: draftId, entryId, entry: translatableEntryWhere(actor, childId) },
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
  });
}
