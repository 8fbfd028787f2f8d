import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n-provider";
import { IdleWarning } from "@/components/idle-warning";
import { SiteHeader } from "@/components/site-header";
import { getCurrentSession } from "@/lib/auth/current";
import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from "@/lib/auth/sessions";
import { textDirection } from "@/lib/i18n/config";
import { pickResources } from "@/lib/i18n/resources";
import { getLocale, getT } from "@/lib/i18n/server";
import { paths } from "@/lib/paths";
import "./globals.css";

export const dynamic = "force-dynamic"; // every page depends on who is asking

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("common");
  return { title: t("appName"), robots: { index: false, follow: false } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, session, t] = await Promise.all([getLocale(), getCurrentSession(), getT("common")]);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <I18nProvider locale={locale} resources={pickResources(locale, ["common", "auth"])}>
          <SiteHeader actor={session?.actor ?? null} locale={locale} />
          <main id="main" className="page" tabIndex={-1}>
            {children}
          </main>
          {session ? <IdleWarning idleMs={IDLE_TIMEOUT_MS} warnMs={IDLE_WARNING_MS} signInPath={paths.signIn("idle")} /> : null}
        </I18nProvider>
        <footer className="site-footer">
          <p>{t("footer")}</p>
        </footer>
      </body>
    </html>
  );
}
