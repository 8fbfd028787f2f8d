import type { Clock } from "../clock.ts";
import { systemClock } from "../clock.ts";
import type { Db } from "../db/connect.ts";
import { log } from "../log.ts";
import { DEFAULT_BATCH, sendDueNotifications, type SendOptions } from "./send.ts";
import { createMailTransport, type MailTransport } from "./transport.ts";

export type SenderOptions = {
  db: Db;
  clock?: Clock;
  /** SMTP_URL; the sender is only started when it is set. */
  smtpUrl: string;
  baseUrl: string;
  /** Pause between rounds (default 5 seconds). */
  intervalMs?: number;
  batch?: number;
  from?: string;
  /** For tests: a transport of their own instead of one made from smtpUrl. */
  transport?: MailTransport;
};

const DEFAULT_INTERVAL = 5_000;
// Rounds in one go while full batches keep coming, so a backlog drains without waiting for the
// timer but one burst cannot keep the loop from ever pausing.
const MAX_ROUNDS = 50;

/**
 * Sends due notifications now and then every few seconds until stopped. A round starts only
 * after the last has finished (the next is scheduled when one ends), so rounds never overlap in
 * this process; other processes are kept apart by the claim (send.ts). Returns a stop function:
 * it waits for a round in progress, then closes the SMTP connection. Call it before closing the database.
 */
export function startNotificationSender(options: SenderOptions): () => Promise<void> {
  const transport = options.transport ?? createMailTransport(options.smtpUrl);
  const send: SendOptions = { db: options.db, clock: options.clock ?? systemClock, transport, baseUrl: options.baseUrl, batch: options.batch, from: options.from };
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  let stopping = false;

  const drain = async () => {
    for (let i = 0; i < MAX_ROUNDS && !stopping; i++) {
      const report = await sendDueNotifications(send);
      if (report.sent || report.failed) log.debug("notifications sent", { ...report });
      if (report.claimed < (options.batch ?? DEFAULT_BATCH)) return;
    }
  };
  const run = () => {
    timer = null;
    round = drain()
      .catch((error: unknown) => log.error("notification round failed", { error: error instanceof Error ? error : String(error) }))
      .finally(() => {
        if (stopping) return;
        timer = setTimeout(run, options.intervalMs ?? DEFAULT_INTERVAL);
        timer.unref();
      });
  };
  run();

  let stopped: Promise<void> | null = null;
  return () => {
    stopped ??= (async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await round;
      // A transport given by the caller is the caller's to close.
      if (!options.transport) transport.close?.();
    })();
    return stopped;
  };
}
