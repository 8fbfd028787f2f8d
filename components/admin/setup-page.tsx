import Link from "next/link";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { I18nProvider } from "../i18n-provider";
import { Confirmation } from "../ui/confirmation";
import { SetupForm } from "./setup-form";

/** Where a person with a set-up code chooses their own password; then they sign in. */
export async function SetupPage({ done }: { done: boolean }) {
  const [t, locale] = await Promise.all([getT("admin"), getLocale()]);
  if (done) {
    return (
      <Confirmation title={t("setup.doneTitle")} lead={<p>{t("setup.doneLead")}</p>} nextTitle={t("setup.nextTitle")} steps={[t("setup.next1"), t("setup.next2")]}>
        <p><Link href={paths.signIn()} className="button" prefetch={false}>{t("setup.signIn")}</Link></p>
      </Confirmation>
    );
  }
  return (
    <div className="stack narrow">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <I18nProvider locale={locale} resources={pickResources(locale, ["admin", "account"])}>
        <SetupForm />
      </I18nProvider>
      <p className="hint">{t("setup.noCode")}</p>
    </div>
  );
}
