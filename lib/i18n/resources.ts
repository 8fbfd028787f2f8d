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
import plAccount from "../../locales/pl/account.json";
import plAdmin from "../../locales/pl/admin.json";
import plAuth from "../../locales/pl/auth.json";
import plCommon from "../../locales/pl/common.json";
import plContributions from "../../locales/pl/contributions.json";
import plConsent from "../../locales/pl/consent.json";
import plAdvocate from "../../locales/pl/advocate.json";
import plCopy from "../../locales/pl/copy.json";
import plCorrections from "../../locales/pl/corrections.json";
import plEmail from "../../locales/pl/email.json";
import plErrors from "../../locales/pl/errors.json";
import plFiles from "../../locales/pl/files.json";
import plGlossary from "../../locales/pl/glossary.json";
import plHome from "../../locales/pl/home.json";
import plNews from "../../locales/pl/news.json";
import plRecord from "../../locales/pl/record.json";
import plSecurity from "../../locales/pl/security.json";
import plStaff from "../../locales/pl/staff.json";
import guAccount from "../../locales/gu/account.json";
import guAdmin from "../../locales/gu/admin.json";
import guAuth from "../../locales/gu/auth.json";
import guCommon from "../../locales/gu/common.json";
import guContributions from "../../locales/gu/contributions.json";
import guConsent from "../../locales/gu/consent.json";
import guAdvocate from "../../locales/gu/advocate.json";
import guCopy from "../../locales/gu/copy.json";
import guCorrections from "../../locales/gu/corrections.json";
import guEmail from "../../locales/gu/email.json";
import guErrors from "../../locales/gu/errors.json";
import guFiles from "../../locales/gu/files.json";
import guGlossary from "../../locales/gu/glossary.json";
import guHome from "../../locales/gu/home.json";
import guNews from "../../locales/gu/news.json";
import guRecord from "../../locales/gu/record.json";
import guSecurity from "../../locales/gu/security.json";
import guStaff from "../../locales/gu/staff.json";
import arAccount from "../../locales/ar/account.json";
import arAdmin from "../../locales/ar/admin.json";
import arAuth from "../../locales/ar/auth.json";
import arCommon from "../../locales/ar/common.json";
import arContributions from "../../locales/ar/contributions.json";
import arConsent from "../../locales/ar/consent.json";
import arAdvocate from "../../locales/ar/advocate.json";
import arCopy from "../../locales/ar/copy.json";
import arCorrections from "../../locales/ar/corrections.json";
import arEmail from "../../locales/ar/email.json";
import arErrors from "../../locales/ar/errors.json";
import arFiles from "../../locales/ar/files.json";
import arGlossary from "../../locales/ar/glossary.json";
import arHome from "../../locales/ar/home.json";
import arNews from "../../locales/ar/news.json";
import arRecord from "../../locales/ar/record.json";
import arSecurity from "../../locales/ar/security.json";
import arStaff from "../../locales/ar/staff.json";
import roAccount from "../../locales/ro/account.json";
import roAdmin from "../../locales/ro/admin.json";
import roAuth from "../../locales/ro/auth.json";
import roCommon from "../../locales/ro/common.json";
import roContributions from "../../locales/ro/contributions.json";
import roConsent from "../../locales/ro/consent.json";
import roAdvocate from "../../locales/ro/advocate.json";
import roCopy from "../../locales/ro/copy.json";
import roCorrections from "../../locales/ro/corrections.json";
import roEmail from "../../locales/ro/email.json";
import roErrors from "../../locales/ro/errors.json";
import roFiles from "../../locales/ro/files.json";
import roGlossary from "../../locales/ro/glossary.json";
import roHome from "../../locales/ro/home.json";
import roNews from "../../locales/ro/news.json";
import roRecord from "../../locales/ro/record.json";
import roSecurity from "../../locales/ro/security.json";
import roStaff from "../../locales/ro/staff.json";
import easyAccount from "../../locales/en-x-easy/account.json";
import easyAdmin from "../../locales/en-x-easy/admin.json";
import easyAuth from "../../locales/en-x-easy/auth.json";
import easyCommon from "../../locales/en-x-easy/common.json";
import easyContributions from "../../locales/en-x-easy/contributions.json";
import easyConsent from "../../locales/en-x-easy/consent.json";
import easyAdvocate from "../../locales/en-x-easy/advocate.json";
import easyCopy from "../../locales/en-x-easy/copy.json";
import easyCorrections from "../../locales/en-x-easy/corrections.json";
import easyEmail from "../../locales/en-x-easy/email.json";
import easyErrors from "../../locales/en-x-easy/errors.json";
import easyFiles from "../../locales/en-x-easy/files.json";
import easyGlossary from "../../locales/en-x-easy/glossary.json";
import easyHome from "../../locales/en-x-easy/home.json";
import easyNews from "../../locales/en-x-easy/news.json";
import easyRecord from "../../locales/en-x-easy/record.json";
import easySecurity from "../../locales/en-x-easy/security.json";
import easyStaff from "../../locales/en-x-easy/staff.json";
import type { Locale } from "./config.ts";

export const resources = {
  en: { common: enCommon, auth: enAuth, home: enHome, errors: enErrors, glossary: enGlossary, record: enRecord, copy: enCopy, account: enAccount, files: enFiles, contributions: enContributions, email: enEmail, corrections: enCorrections, consent: enConsent, advocate: enAdvocate, staff: enStaff, admin: enAdmin, security: enSecurity, news: enNews },
  "en-x-easy": { common: easyCommon, auth: easyAuth, home: easyHome, errors: easyErrors, glossary: easyGlossary, record: easyRecord, copy: easyCopy, account: easyAccount, files: easyFiles, contributions: easyContributions, email: easyEmail, corrections: easyCorrections, consent: easyConsent, advocate: easyAdvocate, staff: easyStaff, admin: easyAdmin, security: easySecurity, news: easyNews },
  ur: { common: urCommon, auth: urAuth, home: urHome, errors: urErrors, glossary: urGlossary, record: urRecord, copy: urCopy, account: urAccount, files: urFiles, contributions: urContributions, email: urEmail, corrections: urCorrections, consent: urConsent, advocate: urAdvocate, staff: urStaff, admin: urAdmin, security: urSecurity, news: urNews },
  pl: { common: plCommon, auth: plAuth, home: plHome, errors: plErrors, glossary: plGlossary, record: plRecord, copy: plCopy, account: plAccount, files: plFiles, contributions: plContributions, email: plEmail, corrections: plCorrections, consent: plConsent, advocate: plAdvocate, staff: plStaff, admin: plAdmin, security: plSecurity, news: plNews },
  gu: { common: guCommon, auth: guAuth, home: guHome, errors: guErrors, glossary: guGlossary, record: guRecord, copy: guCopy, account: guAccount, files: guFiles, contributions: guContributions, email: guEmail, corrections: guCorrections, consent: guConsent, advocate: guAdvocate, staff: guStaff, admin: guAdmin, security: guSecurity, news: guNews },
  ar: { common: arCommon, auth: arAuth, home: arHome, errors: arErrors, glossary: arGlossary, record: arRecord, copy: arCopy, account: arAccount, files: arFiles, contributions: arContributions, email: arEmail, corrections: arCorrections, consent: arConsent, advocate: arAdvocate, staff: arStaff, admin: arAdmin, security: arSecurity, news: arNews },
  ro: { common: roCommon, auth: roAuth, home: roHome, errors: roErrors, glossary: roGlossary, record: roRecord, copy: roCopy, account: roAccount, files: roFiles, contributions: roContributions, email: roEmail, corrections: roCorrections, consent: roConsent, advocate: roAdvocate, staff: roStaff, admin: roAdmin, security: roSecurity, news: roNews },
} satisfies Record<Locale, Record<string, Record<string, unknown>>>;

export type Namespace = keyof (typeof resources)["en"];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];

/** Just the namespaces a client component needs, so the browser gets no more text than it uses. */
export function pickResources(locale: Locale, namespaces: readonly Namespace[]) {
  return Object.fromEntries(namespaces.map((ns) => [ns, resources[locale][ns]]));
}
