import type { TFunction } from "i18next";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/config.ts";
import { createI18n } from "../i18n/instance.ts";
import { resources } from "../i18n/resources.ts";
import { absoluteLink, isNotificationKind } from "./kinds.ts";

export type NotificationEmail = { subject: string; text: string };

// One translator per language for the life of the process (emails are sent far from requests).
const translators = new Map<Locale, TFunction>();
function emailT(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    const i18n = createI18n(locale, resources);
    t = i18n.getFixedT(locale, "email");
    translators.set(locale, t);
  }
  return t;
}

/**
 * The email for one notification, in the recipient's language (English when they have not
 * chosen one): that there is something new, of which kind, and the link. Plain text only, so
 * nothing in it can become live; it names nobody and quotes nothing.
 */
export function composeNotificationEmail(input: { kind: string; link: string; locale: string | null; baseUrl: string }): NotificationEmail {
  const t = emailT(isLocale(input.locale) ? input.locale : DEFAULT_LOCALE);
  // A kind written by a newer or older version of the app still gets a sentence.
  const what = t(isNotificationKind(input.kind) ? `what.${input.kind}` : "what.other");
  const text = [what, "", t("open"), absoluteLink(input.baseUrl, input.link), "", t("privacy"), t("automatic"), ""].join("\n");
  return { subject: t("subject"), text };
}
