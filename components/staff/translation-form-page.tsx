import Link from "next/link";
import { formatDate, isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { submitTranslationAction } from "@/lib/translations/actions";
import { sectionField } from "@/lib/translations/form";
import type { loadTranslationForm } from "@/lib/translations/loaders";
import { StepForm, type Field } from "../forms/step-form";
import { TranslationPairs } from "./translation-pairs";

type View = Awaited<ReturnType<typeof loadTranslationForm>>;

// Writing a translation of an entry, one box per part with the original above it. It goes to a
// second person to check; nobody reads it until they approve it.
export async function TranslationFormPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("staff"), getT("common")]);
  const { record, original, start, target, actor, locale } = view;
  const language = tc(`language.${target}`);
  const fields: Field[] = [
    { kind: "text", name: "translatedBy", label: t("translation.translatedBy"), hint: t("translation.translatedByHint"), defaultValue: start?.translatedBy ?? actor.displayName },
    { kind: "textarea", name: "title", label: t("translation.titleLabel"), hint: t("translation.original", { text: isolate(original.title) }), defaultValue: start?.title, rows: 2 },
    ...original.sections.map((text, i): Field => ({
      kind: "textarea", name: sectionField(i), label: t("translation.partLabel", { n: i + 1 }), hint: t("translation.original", { text: isolate(text) }), defaultValue: start?.sections[i], rows: 6,
    })),
  ];
  const back = <p><Link href={view.actor.role === "translator" ? paths.home() : paths.entry(record.id, original.id)} prefetch={false}>{t(view.actor.role === "translator" ? "translation.backHome" : "translation.back")}</Link></p>;
  const { waiting } = view;
  // Sent and not yet checked: what was written, as it was sent, and who can take it further.
  if (waiting) {
    return (
      <div className="stack">
        {back}
        <h1>{t("translation.heading", { language })}</h1>
        <p><strong className="tag tag-soon">{t("translation.waitingTag")}</strong></p>
        <p>{t("translations.waitingLine", { by: isolate(waiting.translatedBy), sender: isolate(waiting.by), date: formatDate(waiting.at, locale) })}</p>
        {waiting.mine ? <p className="hint">{t("translations.notYours")}</p> : (
          <p><Link href={paths.translationCheck(record.id, original.id, waiting.id)} className="button button-secondary" prefetch={false}>{t("translations.check", { language })}</Link></p>
        )}
        <TranslationPairs original={original} translation={waiting} locale={target} language={language} />
      </div>
    );
  }
  return (
    <div className="stack">
      {back}
      <h1>{t("translation.heading", { language })}</h1>
      <p>{t("translation.intro")}</p>
      {view.returnedNote ? (
        <div className="alert" role="note">
          <p>{t("translation.returnedNote")}</p>
          <p className="message-text" dir="auto">{view.returnedNote}</p>
        </div>
      ) : null}
      <StepForm name="translate" action={submitTranslationAction} hidden={{ childId: record.id, entryId: original.id, locale: target }} fields={fields} submit={t("translation.submit")} />
    </div>
  );
}
