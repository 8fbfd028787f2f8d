import Link from "next/link";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { checkTranslationAction } from "@/lib/translations/actions";
import type { loadTranslationCheck } from "@/lib/translations/loaders";
import { StepForm } from "../forms/step-form";
import { TranslationPairs } from "./translation-pairs";

type View = Awaited<ReturnType<typeof loadTranslationCheck>>;

// The second person's check: each part of the original beside its translation, then approve (it
// is published) or send back with what needs changing. Whoever wrote it cannot check it.
export async function TranslationCheckPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("staff"), getT("common")]);
  const { record, draft, original, locale } = view;
  const language = tc(`language.${draft.locale}`);
  return (
    <div className="stack">
      <p><Link href={view.actor.role === "translator" ? paths.home() : paths.entry(record.id, original.id)} prefetch={false}>{t(view.actor.role === "translator" ? "translation.backHome" : "translation.back")}</Link></p>
      <h1>{t("translation.checkHeading", { language })}</h1>
      <p>{t("translation.checkIntro", { by: draft.translatedBy, sender: draft.by, date: formatDate(draft.at, locale) })}</p>
      <TranslationPairs original={original} translation={draft} locale={draft.locale} language={language} />
      {draft.checked ? <p>{t("translation.alreadyChecked")}</p> : draft.mine ? (
        <p className="alert" role="note">{t("translation.notYours")}</p>
      ) : (
        <StepForm name="check" action={checkTranslationAction} hidden={{ childId: record.id, draftId: draft.id }} submit={t("translation.checkSubmit")} fields={[
          { kind: "radios", name: "outcome", label: t("translation.outcome"), options: [{ value: "approved", label: t("translation.approve") }, { value: "returned", label: t("translation.return") }] },
          { kind: "textarea", name: "note", label: t("translation.checkNote"), rows: 3 },
        ]} />
      )}
    </div>
  );
}
