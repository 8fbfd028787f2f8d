import { createInstance, type i18n, type TFunction } from "i18next";
import type { Locale } from "./config.ts";
import type { Namespace } from "./resources.ts";

/** A fresh i18next instance (never the global one: requests must not share a language). */
export function createI18n(locale: Locale, resources: Record<string, Record<string, Record<string, unknown>>>): i18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources,
    initAsync: false,
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}

export type T = TFunction<Namespace>;
