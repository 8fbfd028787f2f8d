import Link from "next/link";
import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { submitTranslationAction } from "@/lib/records/translation-actions";
import { sectionField } from "@/lib/records/translation-form";
import type { loadTranslationForm } from "@/lib/records/translation-loaders";
import { StepForm, type Field } from "../forms/step-form";

type View = Awaited<ReturnType<typeof loadTranslationForm>>;

// Writing a translation of an entry, one box per part with the original above it. It goes to a
// second person to check; nobody reads it until they approve it.
export async function TranslationFormPage({ view }: { view: View }) {
  const [t, tc] = await Promise.all([getT("staff"), getT("common")]);
  const { record, original, start, target, actor } = view;
  const language = tc(`language.${target}`);
  const fields: Field[] = [
    { kind: "text", name: "translatedBy", label: t("translation.translatedBy"), hint: t("translation.translatedByHint"), defaultValue: start?.translatedBy ?? actor.displayName },
    { kind: "textarea", name: "title", label: t("translation.titleLabel"), hint: t("translation.original", { text: isolate(original.title) }), defaultValue: start?.title, rows: 2 },
    ...original.sections.map((text, i): Field => ({
      kind: "textarea", name: sectionField(i), label: t("translation.partLabel", { n: i + 1 }), hint: t("translation.original", { text: isolate(text) }), defaultValue: start?.sections[i], rows: 6,
    })),
  ];
  return (
    <div className="stack">
      <p><Link href={view.actor.role === "translator" ? paths.home() : paths.entry(record.id, original.id)} prefetch={false}>{t(view.actor.role === "translator" ? "translation.backHome" : "translation.back")}</Link></p>
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
