import type { Metadata } from "next";
import { GlossaryList } from "@/components/records/words-explained";
import { getT } from "@/lib/i18n/server";
import { GLOSSARY_TERMS } from "@/lib/records/glossary";

// Public: the words and their meanings hold no personal data, so no sign-in is needed.
export async function generateMetadata(): Promise<Metadata> {
  const [t, common] = await Promise.all([getT("glossary"), getT("common")]);
  return { title: `${t("title")} – ${common("appName")}` };
}

export default async function GlossaryPage() {
  const t = await getT("glossary");
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="hint">{t("howToRead")}</p>
      <GlossaryList termIds={GLOSSARY_TERMS.map((term) => term.id)} alphabetical />
    </div>
  );
}
