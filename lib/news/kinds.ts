import type { NotificationKind } from "../notifications/kinds.ts";

// What an item of "what's new" can be about, and the email that goes out with it (the email's
// kind chooses its one generic sentence; several items share one). Each kind has its line in
// locales/*/news.json ("kind.<kind>.you" for the child, ".name" for everyone else).
export const NEWS_KINDS = {
  reply: "reply-received",
  "correction-question": "correction-answered",
  "correction-extended": "correction-answered",
  "correction-decided": "correction-answered",
  // Staff wrote in a correction request's conversation (issue 16).
  "correction-reply": "correction-answered",
  "entry-new": "entry-new",
  "entry-to-read": "entry-to-read",
  "translation-ready": "translation-ready",
  "consent-given": "consent-changed",
  "consent-withdrawn": "consent-changed",
  "share-recorded": "share-recorded",
  "advocate-started": "advocate-changed",
  "advocate-ended": "advocate-changed",
} as const satisfies Record<string, NotificationKind>;

export type NewsKind = keyof typeof NEWS_KINDS;

export const NEWS_KIND_NAMES = Object.keys(NEWS_KINDS) as NewsKind[];

export function isNewsKind(value: string): value is NewsKind {
  return Object.hasOwn(NEWS_KINDS, value);
}

/** How long an item stays: a year of what happened is enough to look back on. */
export const NEWS_KEPT_MONTHS = 12;

export function oldestKept(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - NEWS_KEPT_MONTHS);
  return d;
}
