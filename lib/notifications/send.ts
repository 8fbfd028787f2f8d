import type { Clock } from "../clock.ts";
import { MINUTE } from "../clock.ts";
import type { Db } from "../db/connect.ts";
import { env } from "../env.ts";
import { log } from "../log.ts";
import { composeNotificationEmail } from "./email.ts";
import { errorCode, isConnectionError, MAX_ATTEMPTS, retryDelay } from "./retry.ts";
import type { MailTransport } from "./transport.ts";

export type SendOptions = {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  /** The portal's address (NEXTAUTH_URL): links in emails are this plus the message's path. */
  baseUrl: string;
  /** Messages claimed per round (default 20). */
  batch?: number;
  /** The sender's address (default MAIL_FROM). */
  from?: string;
};

export type SendReport = { claimed: number; sent: number; skipped: number; retrying: number; failed: number };

type Claimed = { id: string; recipientId: string; kind: string; link: string; attempts: number };
type Recipient = { id: string; email: string | null; locale: string | null; disabledAt: Date | null };

export const DEFAULT_BATCH = 20;
// A claimed message is left alone by other senders this long. It covers a whole batch even when
// every send runs into the transport's timeouts (transport.ts); if this process dies mid-batch,
// the messages it held are tried again once it has passed.
export const CLAIM_LEASE_MS = 30 * MINUTE;

/**
 * Sends the messages whose time has come, once each (only a process that dies between a send
 * and recording it can repeat one, after the lease): claims up to `batch` of them, reads each
 * recipient's address and language now, sends, and records the outcome. A recipient without an
 * address (or a disabled account) is skipped for good; a failed send is tried again later
 * (retry.ts), and given up after the last try. Several messages of one kind and link for one
 * person in a batch become one email.
 */
export async function sendDueNotifications(options: SendOptions): Promise<SendReport> {
  const { db, clock } = options;
  const claimed = await claimDue(db, clock.now(), options.batch ?? DEFAULT_BATCH);
  const report: SendReport = { claimed: claimed.length, sent: 0, skipped: 0, retrying: 0, failed: 0 };
  if (!claimed.length) return report;
  const recipients = await readRecipients(db, claimed);
  let connectionError: unknown = null;
  for (const group of groupByEmail(claimed)) {
    const recipient = recipients.get(group[0].recipientId);
    const skip = skipReason(recipient);
    if (skip) {
      await markSkipped(db, group, skip, clock.now());
      report.skipped += group.length;
      continue;
    }
    // The server could not be reached for an earlier email: it will not be for this one either.
    const error = connectionError ?? (await trySend(options, group[0], recipient!));
    if (error === null) {
      await markSent(db, group, clock.now());
      report.sent += group.length;
    } else {
      if (isConnectionError(error)) connectionError = error;
      for (const message of group) report[await markFailedTry(db, message, error, clock.now())]++;
    }
  }
  return report;
}

// One statement, so one transaction: picks the due messages oldest first, skipping rows another
// sender is claiming at this moment (FOR UPDATE SKIP LOCKED), and moves them out of "due" by the
// lease and counts the try. Several app nodes on one PostgreSQL database never claim the same
// message; PGlite has one connection and runs the same SQL.
async function claimDue(db: Db, now: Date, batch: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE "sentAt" IS NULL AND "skippedAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${batch}
          FOR UPDATE SKIP LOCKED)
    RETURNING "id", "recipientId", "kind", "link", "attempts"`;
}

async function readRecipients(db: Db, claimed: Claimed[]): Promise<Map<string, Recipient>> {
  const ids = [...new Set(claimed.map((m) => m.recipientId))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, locale: true, disabledAt: true } });
  return new Map(users.map((u) => [u.id, u]));
}

function groupByEmail(claimed: Claimed[]): Claimed[][] {
  const groups = new Map<string, Claimed[]>();
  for (const m of claimed) {
    const key = JSON.stringify([m.recipientId, m.kind, m.link]);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

function skipReason(recipient: Recipient | undefined): string | null {
  if (!recipient || recipient.disabledAt) return "account disabled";
  if (!recipient.email) return "no email address";
  return null;
}

async function trySend(options: SendOptions, message: Claimed, recipient: Recipient): Promise<unknown> {
  const email = composeNotificationEmail({ kind: message.kind, link: message.link, locale: recipient.locale, baseUrl: options.baseUrl });
  try {
    await options.transport.sendMail({ from: options.from ?? env.MAIL_FROM, to: recipient.email!, ...email });
    return null;
  } catch (error) {
    return error ?? new Error("send failed");
  }
}

function markSent(db: Db, group: Claimed[], now: Date) {
  return db.outboxMessage.updateMany({ where: { id: { in: group.map((m) => m.id) } }, data: { sentAt: now, lastError: null } });
}

function markSkipped(db: Db, group: Claimed[], reason: string, now: Date) {
  return db.outboxMessage.updateMany({ where: { id: { in: group.map((m) => m.id) } }, data: { skippedAt: now, lastError: reason } });
}

async function markFailedTry(db: Db, message: Claimed, error: unknown, now: Date): Promise<"retrying" | "failed"> {
  const code = errorCode(error);
  if (message.attempts >= MAX_ATTEMPTS) {
    await db.outboxMessage.update({ where: { id: message.id }, data: { failedAt: now, lastError: code } });
    // The message's id and kind only: no address, no name.
    log.warn("notification given up", { messageId: message.id, kind: message.kind, attempts: message.attempts, error: code });
    return "failed";
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelay(message.attempts));
  await db.outboxMessage.update({ where: { id: message.id }, data: { nextAttemptAt, lastError: code } });
  return "retrying";
}
