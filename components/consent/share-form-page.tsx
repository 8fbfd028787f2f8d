import Link from "next/link";
import type { loadNewShare } from "@/lib/consent/loaders";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { pickResources } from "@/lib/i18n/resources";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { ConsentGlance } from "./consent-glance";
import { ShareForm, type ShareSetup } from "./share-form";

type View = Awaited<ReturnType<typeof loadNewShare>>;

// "Record a share" (staff only): consent at a glance, then the form.
export async function ShareFormPage({ view }: { view: View }) {
  const t = await getT("consent");
  const { record, locale, form } = view;
  const setup: ShareSetup = {
    childId: record.id,
    today: form.today,
    topics: form.topics.map((topic) => ({ id: topic.id, recipient: topic.recipientName || t(`recipients.${topic.recipient}`), purpose: topic.purpose, state: topic.state })),
    entries: form.entries.map((e) => ({ id: e.id, title: e.title, date: formatDate(e.occurredAt, locale) })),
    moreEntries: form.moreEntries,
  };
  return (
    <div className="stack narrow">
      <p><Link href={paths.sharingLog(record.id)} prefetch={false}>{t("share.back")}</Link></p>
      <h1>{t("share.title")}</h1>
      <p>{t("share.intro", { name: record.name })}</p>
      <ConsentGlance topics={form.topics} locale={locale} />
      <I18nProvider locale={locale as Locale} resources={pickResources(locale as Locale, ["consent"])}>
        <ShareForm setup={setup} />
      </I18nProvider>
    </div>
  );
}
