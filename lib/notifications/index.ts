import "server-only";
// Notification emails through an outbox. A domain calls enqueueNotification with its own
// transaction; the app's start process runs startNotificationSender when SMTP_URL is set. Emails
// say only that there is something new, with a link: no names, no content.
export { enqueueNotification, notifyAllocatedCaseworkers, type NotificationInput } from "./enqueue.ts";
export { NOTIFICATION_KINDS, isNotificationKind, type NotificationKind } from "./kinds.ts";
export { composeNotificationEmail, type NotificationEmail } from "./email.ts";
export { sendDueNotifications, CLAIM_LEASE_MS, type SendOptions, type SendReport } from "./send.ts";
export { startNotificationSender, type SenderOptions } from "./sender.ts";
export { createMailTransport, type MailTransport } from "./transport.ts";
export { MAX_ATTEMPTS, retryDelay } from "./retry.ts";
