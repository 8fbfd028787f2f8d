import type { AccountView } from "@/lib/home/load-account";
import { getT } from "@/lib/i18n/server";

// "Your account": who you are signed in as. A Server Component with no client code of its own.
export async function AccountPage({ view }: { view: AccountView }) {
  const [t, tc] = await Promise.all([getT("account"), getT("common")]);
  return (
    <div className="narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <dl className="facts">
        <dt>{t("name")}</dt>
        <dd>{view.displayName}</dd>
        <dt>{t("role")}</dt>
        <dd>{tc(`roles.${view.role}`)}</dd>
      </dl>
      <p className="hint">{t("help")}</p>
    </div>
  );
}
