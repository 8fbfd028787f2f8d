import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { isLocale, LOCALE_COOKIE, negotiateLocale, textDirection, type Locale } from "./config.ts";
import { createI18n } from "./instance.ts";
import { resources, type Namespace } from "./resources.ts";

/** The request's language: the person's choice (cookie), else their browser's, else English. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
});

const getInstance = cache(async () => createI18n(await getLocale(), resources));

export async function getT(ns: Namespace = "common") {
  const i18n = await getInstance();
  return i18n.getFixedT(i18n.language, ns);
}

export async function getDirection() {
  return textDirection(await getLocale());
}
