import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { pickResources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import type { loadRequestForm } from "@/lib/rectification/loaders";
import { I18nProvider } from "../i18n-provider";
import { RequestForm, type RequestSetup } from "./request-form";

type View = Awaited<ReturnType<typeof loadRequestForm>>;

export async function RequestFormPage({ view }: { view: View }) {
  const t = await getT("corrections");
  const { record, entry, part, others, locale } = view;
  const setup: RequestSetup = {
    childId: record.id,
    submissionKey: randomUUID(),
    entry,
    part,
    others: others.map((o) => ({ id: o.id, title: o.title, date: formatDate(o.occurredAt, locale) })),
  };
  return (
    <div className="stack narrow">
      <p><Link href={paths.entry(record.id, entry.id)} prefetch={false}>{t("form.cancel")}</Link></p>
      <h1>{t("form.title")}</h1>
      <p>{t("form.about", { title: entry.title })}</p>
      <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["corrections"])}>
        <RequestForm setup={setup} />
      </I18nProvider>
    </div>
  );
}
