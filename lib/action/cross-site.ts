import type { IncomingHttpHeaders } from "node:http";
import { isLocale, LOCALE_COOKIE, negotiateLocale, textDirection, type Locale } from "../i18n/config.ts";
import { resources } from "../i18n/resources.ts";
import { paths } from "../paths.ts";
import { isAllowedOrigin } from "./origin.ts";

// A post from another site (a server action, a plain form post, a next-auth callback) is refused
// by the HTTP server (scripts/serve.ts) before Next.js sees it. Next.js's own check of a server
// action's origin throws, which answered a bare 500; the action wrapper's check (lib/action) never
// ran. The same rule as the wrapper's (isAllowedOrigin), so nothing it accepts is refused here.
// No imports of "server-only" or next/*: the server runs this outside Next.js.

type Request = { method?: string; headers: IncomingHttpHeaders };
export type Refusal = { status: 403; headers: Record<string, string>; body: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The refusal page for a post whose Origin is another site's, else null. A request with no Origin
 * is let through: browsers send one with every post, and clients of the case system's feed, which
 * send none, are not browsers acting for someone.
 */
export function crossSiteRefusal(req: Request): Refusal | null {
  if (SAFE_METHODS.has((req.method ?? "GET").toUpperCase())) return null;
  const origin = one(req.headers.origin);
  if (origin === null) return null;
  if (isAllowedOrigin(origin, one(req.headers.host), one(req.headers["x-forwarded-proto"]) ?? "http")) return null;
  const locale = requestLocale(req.headers);
  return {
    status: 403,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Language": locale },
    body: refusalPage(locale),
  };
}

/** The reader's language as the app negotiates it (lib/i18n/server.ts): their choice, else their browser's. */
export function requestLocale(headers: IncomingHttpHeaders): Locale {
  const chosen = cookieValue(one(headers.cookie) ?? "", LOCALE_COOKIE);
  return isLocale(chosen) ? chosen : negotiateLocale(one(headers["accept-language"]));
}

function refusalPage(locale: Locale): string {
  const t = resources[locale].errors.crossSite;
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="${textDirection(locale)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)}</title></head>`,
    `<body><main><h1>${escape(t.heading)}</h1><p>${escape(t.body)}</p><p><a href="${paths.home()}">${escape(t.home)}</a></p></main></body>`,
    "</html>",
  ].join("\n");
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

const one = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
