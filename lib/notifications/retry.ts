import { HOUR, MINUTE } from "../clock.ts";

// Retries wait 1 minute, then 2, 4, 8 … up to an hour between tries; after the tenth try fails
// the message is given up (about four hours after the first, long enough to outlast a mail
// server's restart or a short outage, short enough that "something new" is still news).
export const MAX_ATTEMPTS = 10;
const FIRST_DELAY = MINUTE;
const LONGEST_DELAY = HOUR;

/** How long to wait after the `attempts`-th try failed. */
export function retryDelay(attempts: number): number {
  return Math.min(FIRST_DELAY * 2 ** Math.max(0, attempts - 1), LONGEST_DELAY);
}

/**
 * A sending error as a short code for the table and the log: nodemailer's code and the SMTP
 * reply code ("ECONNECTION", "EENVELOPE 550"). Never the message: a server's reply can quote the
 * address.
 */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === "string" && /^[A-Z0-9_]{1,32}$/.test(e.code) ? e.code : "ESEND";
  return typeof e?.responseCode === "number" ? `${code} ${e.responseCode}` : code;
}

// Failures of the connection, not of one message: the rest of the batch would meet them too.
const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "EPROXY"]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERRORS.has(code);
}
