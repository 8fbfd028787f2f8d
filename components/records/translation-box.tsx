import Link from "next/link";
import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { EntryView } from "@/lib/records/entry";
import { requestTranslationAction } from "@/lib/translations/request-actions";

type Readable = Extract<EntryView, { kind: "readable" }>;
type View = { record: { id: string }; translationRequested: boolean };

// The reader's language: who translated and checked it, the original one click away; or, when
// there is no translation, a way to ask for one that reaches the caseworker.
export async function TranslationBox({ view, entry }: { view: View; entry: Readable }) {
  const t = await getT("record");
  const childId = view.record.id;
  if (entry.translation) {
    const tr = entry.translation;
    return (
      <div className="translation-box">
        {tr.showingOriginal ? (
          <>
            <p>{t("translation.showingOriginal")}</p>
            <p><Link href={paths.entry(childId, entry.id)} prefetch={false}>{t("translation.showTranslation")}</Link></p>
          </>
        ) : (
          <>
            <p>
              {t("translation.byLine", { by: isolate(tr.translatedBy) })}
              {tr.checkedBy ? <>. {t("translation.checkedLine", { by: isolate(tr.checkedBy) })}</> : null}
            </p>
            <p><Link href={paths.entry(childId, entry.id, { original: true })} prefetch={false}>{t("translation.showOriginal")}</Link></p>
          </>
        )}
      </div>
    );
  }
  if (!entry.untranslatedFor) return null;
  return (
    <div className="translation-box">
      <p>{t("translation.none")}</p>
      {view.translationRequested ? (
        <p role="status">{t("translation.asked")}</p>
      ) : (
        <form action={requestTranslationAction}>
          <input type="hidden" name="childId" value={childId} />
          <input type="hidden" name="entryId" value={entry.id} />
          <button type="submit" className="button button-secondary">{t("translation.ask")}</button>
        </form>
      )}
    </div>
  );
}
