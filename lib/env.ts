import path from "node:path";
import { z } from "zod";
import { isAddressOrRange } from "./auth/client-address.ts";
import { CLAMD_ADDRESS_HINT, parseClamdAddress } from "./uploads/clamd-address.ts";

// The only place that reads process.env. Everything else imports `env`.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  // The owner's connection, for migrations only, when DATABASE_URL names the app's lesser role.
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  PORT: z.coerce.number().int().positive().default(3000),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Origins allowed to post to server actions besides NEXTAUTH_URL's (comma-separated).
  ALLOWED_ORIGINS: z.string().optional(),
  // Demo children and accounts on first start: "auto" loads them on the embedded database only.
  // Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges). The HTTP
  // server resolves each request's client address with it (lib/auth/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), "each entry must be an IP address or a CIDR range, e.g. 10.0.0.0/8"),
  DEMO_DATA: z.enum(["auto", "on", "off"]).default("auto"),
  // Signs the audit chain's checkpoints (DATA_DIR/audit-checkpoints.log); generated into
  // DATA_DIR/audit-key when unset. Set the same on every node, and keep it out of the database.
  AUDIT_CHECKPOINT_KEY: z.string().min(32).optional(),
  // Notification emails (lib/notifications) go out through this SMTP server when set:
  // smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://host:465.
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//i.test(url), "must start with smtp:// or smtps://")
    .optional(),
  // The sender of notification emails.
  MAIL_FROM: z.string().min(3).default("Record Together <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // ClamAV's clamd, which scans every uploaded file when set. Set but unreachable, uploads wait.
  // Unset: uploads are refused on PostgreSQL and accepted unscanned on the embedded demo; "off"
  // accepts them unscanned anywhere. Unscanned, start-up and the admin's home warn (lib/uploads).
  CLAMAV_URL: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined) // `CLAMAV_URL=` in an env file means unset
    .refine((s) => s === undefined || s === "off" || parseClamdAddress(s) !== null, `${CLAMD_ADDRESS_HINT}, or off`),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env = parseEnv();

export const dataDir = path.resolve(env.DATA_DIR);
