import { env } from "../env.ts";

/**
 * Server actions are public POST endpoints, so a request must come from one of our own pages.
 * Accepts the request's own host, NEXTAUTH_URL's origin and ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(origin: string | null, host: string | null, proto = "http"): boolean {
  if (!origin) return false;
  const allowed = new Set<string>();
  if (host) allowed.add(`${proto}://${host}`);
  if (env.NEXTAUTH_URL) allowed.add(new URL(env.NEXTAUTH_URL).origin);
  for (const o of env.ALLOWED_ORIGINS?.split(",") ?? []) if (o.trim()) allowed.add(new URL(o.trim()).origin);
  return allowed.has(origin);
}
