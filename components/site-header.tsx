import Link from "next/link";
import { isStaff, type Actor } from "@/lib/access/actor";
import { signOutAction } from "@/lib/auth/actions";
import type { Locale } from "@/lib/i18n/config";
import { isolate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import { LanguagePicker } from "./language-picker";
import { QuickExit } from "./quick-exit";
import { NewsCount } from "./news/news-count";


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
        <LanguagePicker current={locale} />
        {actor ? (
          <div className="account">
            <Link href={paths.account()} prefetch={false}>
              {t("signedInAs", { name: isolate(actor.displayName) })} ({t(`roles.${actor.role}`)})
            </Link>
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
