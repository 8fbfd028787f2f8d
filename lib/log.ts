import { env } from "./env.ts";

// Structured logs with no personal data: callers pass ids and categories, never names or text.
// Errors are reduced to their name and message; stack traces only outside production.
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[env.LOG_LEVEL]) return;
  const safe = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? describeError(v) : v]),
  );
  const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...safe });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

function describeError(e: Error) {
  return env.NODE_ENV === "production" ? { name: e.name } : { name: e.name, message: e.message, stack: e.stack };
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
