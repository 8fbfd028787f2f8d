"use client";
import { useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { Locale } from "@/lib/i18n/config";
import { createI18n } from "@/lib/i18n/instance";

// Client components get only the namespaces the server passes in (see pickResources).
export function I18nProvider(props: { locale: Locale; resources: Record<string, Record<string, unknown>>; children: ReactNode }) {
  const [i18n] = useState(() => createI18n(props.locale, { [props.locale]: props.resources }));
  return <I18nextProvider i18n={i18n}>{props.children}</I18nextProvider>;
}
