import { Invalid } from "../errors/index.ts";

// What a notification can be about. Each kind has its sentence in locales/*/email.json
// ("what.<kind>"); a new kind is a new entry here and there, no migration (the column is text).
export const NOTIFICATION_KINDS = ["contribution-received", "correction-received", "reply-received", "correction-answered", "share-review", "translation-ready",
  // Told to children, families and advocates with an item of "what's new" (lib/news).
  "entry-new", "entry-to-read", "consent-changed", "share-recorded", "advocate-changed",
  // Told to the child's allocated caseworkers: the sender answered in a conversation (issue 16).
  "answer-received"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

// A path on the portal, such as "/inbox" or "/contributions/<uuid>": letters, digits and the few
// marks a path and a simple query need. No "@", spaces or percent-escapes, so an address or a
// name cannot ride along, and no "//" start, so it can never point at another site.
const LINK = /^\/(?!\/)[A-Za-z0-9\-._~/?=&]*$/;
const MAX_LINK_LENGTH = 300;

export function assertNotificationLink(link: string): void {
  if (link.length > MAX_LINK_LENGTH || !LINK.test(link)) {
    throw new Invalid("A notification link is a path on the portal, such as /inbox, with opaque ids only");
  }
}

/** The link as the recipient opens it: the portal's address, then the path. */
export function absoluteLink(baseUrl: string, link: string): string {
  // Joined as text, not with new URL(link, base): a portal served under a path prefix keeps it.
  return baseUrl.replace(/\/+$/, "") + link;
}
