// Every namespace of every locale, loaded statically (small JSON, bundled with the server).
import enAccount from "../../locales/en/account.json";
import enAdmin from "../../locales/en/admin.json";
import enAuth from "../../locales/en/auth.json";
import enCommon from "../../locales/en/common.json";
import enContributions from "../../locales/en/contributions.json";
import enConsent from "../../locales/en/consent.json";
import enAdvocate from "../../locales/en/advocate.json";
import enCopy from "../../locales/en/copy.json";
import enCorrections from "../../locales/en/corrections.json";
import enEmail from "../../locales/en/email.json";
import enErrors from "../../locales/en/errors.json";
import enFiles from "../../locales/en/files.json";
import enGlossary from "../../locales/en/glossary.json";
import enHome from "../../locales/en/home.json";
import enNews from "../../locales/en/news.json";
import enRecord from "../../locales/en/record.json";
import enSecurity from "../../locales/en/security.json";
import enStaff from "../../locales/en/staff.json";
import urAccount from "../../locales/ur/account.json";
import urAdmin from "../../locales/ur/admin.json";
import urAuth from "../../locales/ur/auth.json";
import urCommon from "../../locales/ur/common.json";
import urContributions from "../../locales/ur/contributions.json";
import urConsent from "../../locales/ur/consent.json";
import urAdvocate from "../../locales/ur/advocate.json";
import urCopy from "../../locales/ur/copy.json";
import urCorrections from "../../locales/ur/corrections.json";
import urEmail from "../../locales/ur/email.json";
import urErrors from "../../locales/ur/errors.json";
import urFiles from "../../locales/ur/files.json";
import urGlossary from "../../locales/ur/glossary.json";
import urHome from "../../locales/ur/home.json";
import urNews from "../../locales/ur/news.json";
import urRecord from "../../locales/ur/record.json";
import urSecurity from "../../locales/ur/security.json";
import urStaff from "../../locales/ur/staff.json";
import type { Locale } from "./config.ts";

export const resources = {
  en: { common: enCommon, auth: enAuth, home: enHome, errors: enErrors, glossary: enGlossary, record: enRecord, copy: enCopy, account: enAccount, files: enFiles, contributions: enContributions, email: enEmail, corrections: enCorrections, consent: enConsent, advocate: enAdvocate, staff: enStaff, admin: enAdmin, security: enSecurity, news: enNews },
  ur: { common: urCommon, auth: urAuth, home: urHome, errors: urErrors, glossary: urGlossary, record: urRecord, copy: urCopy, account: urAccount, files: urFiles, contributions: urContributions, email: urEmail, corrections: urCorrections, consent: urConsent, advocate: urAdvocate, staff: urStaff, admin: urAdmin, security: urSecurity, news: urNews },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

export type Namespace = keyof (typeof resources)["en"];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];

/** Just the namespaces a client component needs, so the browser gets no more text than it uses. */
export function pickResources(locale: Locale, namespaces: readonly Namespace[]) {
  return Object.fromEntries(namespaces.map((ns) => [ns, resources[locale][ns]]));
}
