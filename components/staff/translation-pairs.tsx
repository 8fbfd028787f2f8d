import { textDirection } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/server";

type Text = { title: string; sections: string[] };

// Each part of the original above its translation: for the checker, and for whoever reopens a
// translation that is waiting for its check.
export async function TranslationPairs({ original, translation, locale, language }: { original: Text; translation: Text; locale: string; language: string }) {
  const t = await getT("staff");
  const dir = textDirection(locale);
  const pairs = [
    { label: t("translation.titleLabel"), en: original.title, tr: translation.title },
    ...original.sections.map((en, i) => ({ label: t("translation.partLabel", { n: i + 1 }), en, tr: translation.sections[i] ?? "" })),
  ];
  return pairs.map((p) => (
    <section key={p.label} className="panel stack">
      <h2>{p.label}</h2>
      <p className="hint">{t("translation.originalHeading")}</p>
      <p lang="en" dir="ltr" className="message-text">{p.en}</p>
      <p className="hint">{t("translation.translationHeading", { language })}</p>
      <p lang={locale} dir={dir} className="message-text">{p.tr}</p>
    </section>
  ));
}
