import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

/** What the sender needs of a mail transport (nodemailer's Transporter has it). */
export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
};

// Short enough that one batch finishes well inside the claim's lease (send.ts): an SMTP server
// that hangs costs a message at most about a minute, then it is retried later.
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * An SMTP transport for SMTP_URL (smtp://user:pass@host:port, smtps://… for TLS from the start).
 * nodemailer upgrades smtp:// with STARTTLS when the server offers it. The URL's own options win
 * over the timeouts here (nodemailer merges them that way).
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(new SMTPTransport({ url: smtpUrl, ...SMTP_TIMEOUTS }));
}
