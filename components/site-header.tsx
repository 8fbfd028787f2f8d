import Link from "next/link";
import { isStaff, type Actor } from "@/lib/access/actor";
import { signOutAction } from "@/lib/auth/actions";
import type { Locale } from "@/lib/i18n/config";
import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { HeaderMenu } from "./header-menu";
import { LanguagePicker } from "./language-picker";
import { QuickExit } from "./quick-exit";
import { NewsCount } from "./news/news-count";
import { Icon } from "./ui/icon";

// One line on a phone: the name of the site, quick exit, what's new, and a menu holding the rest.
export async function SiteHeader({ actor, locale }: { actor: Actor | null; locale: Locale }) {
  const [t, tr] = await Promise.all([getT("common"), getT("record")]);
  // Staff work on office PCs; everyone else (and anyone not yet signed in) gets the quick exit.
  const quickExit = !actor || !isStaff(actor.role);
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={paths.home()} className="brand">
          {t("appName")}
        </Link>
        {quickExit ? <QuickExit href={paths.quickExit()} away={paths.weather()} label={tr("quickExit.label")} hint={tr("quickExit.hint")} /> : null}
        {actor ? <NewsCount actor={actor} /> : null}
        {/* Before signing in the menu holds only the languages, so it says so. */}
        <HeaderMenu label={actor ? t("menu.label") : t("language.label")} icon={actor ? "menu" : "globe"}>
          {actor ? (
            <div className="account">
              <p className="menu-note">{t("signedInAs", { name: isolate(actor.displayName) })} ({t(`roles.${actor.role}`)})</p>
              <Link href={paths.account()} prefetch={false} className="menu-item">
                <Icon name="account" />
                {t("menu.account")}
              </Link>
            </div>
          ) : null}
          <LanguagePicker current={locale} />
          {actor ? (
            <form action={signOutAction} className="sign-out">
              <button type="submit" className="menu-item">
                <Icon name="signOut" />
                {t("signOut")}
              </button>
            </form>
          ) : null}
        </HeaderMenu>
      </div>
    </header>
  );
}
