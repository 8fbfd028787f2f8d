import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { signOutAction } from "@/lib/auth/actions";
import type { Locale } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { LanguagePicker } from "./language-picker";

export async function SiteHeader({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  const t = await getT("common");
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={paths.home()} className="brand">
          {t("appName")}
        </Link>
        <LanguagePicker current={locale} />
        {actor ? (
          <div className="account">
            <span>{t("signedInAs", { name: actor.displayName })} ({t(`roles.${actor.role}`)})</span>
            <form action={signOutAction}>
              <button type="submit" className="button button-small button-secondary">
                {t("signOut")}
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
