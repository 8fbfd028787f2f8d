import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { loadContributionForm } from "@/lib/contributions/loaders";
import { pickResources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { ContributionFormView, type FormSetup } from "./contribution-form";

type View = Awaited<ReturnType<typeof loadContributionForm>>;

export async function ContributionFormPage({ view }: { view: View }) {
  const t = await getT("contributions");
  const { actor, record, draft, aboutEntry, locale } = view;
  const setup: FormSetup = {
    childId: record.id,
    childName: record.name,
    // A fresh key per form shown: pressing "send" twice makes one contribution.
    submissionKey: randomUUID(),
    sender: actor.role === "child" ? "child" : actor.role === "advocate" ? "advocate" : "family",
    advocateName: actor.displayName,
    about: aboutEntry,
    draft: draft && { id: draft.id, kind: draft.kind, body: draft.body, sharedWithChild: draft.sharedWithChild, sharedWithFamily: draft.sharedWithFamily, files: draft.attachments.map((a) => ({ id: a.id, fileName: a.fileName })) },
  };
  return (
    <div className="stack narrow">
      <p><Link href={aboutEntry ? paths.entry(record.id, aboutEntry.id) : paths.contributions(record.id)} prefetch={false}>{t("form.cancel")}</Link></p>
      <h1>{draft ? t("form.editTitle") : t("form.title")}</h1>
      {aboutEntry ? <p>{t("form.about", { title: aboutEntry.title })}</p> : null}
      <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["contributions"])}>
        <ContributionFormView setup={setup} />
      </I18nProvider>
    </div>
  );
}
