// Response headers every page carries, decided per request by the portal's HTTP server
// (scripts/serve.ts). Pure: no environment, no request objects, so it is easy to test.

export type SecurityOptions = {
  /** A fresh random value for this response only. */
  nonce: string;
  /** The public address is https: ask browsers to keep it so (HSTS) and upgrade any http. */
  https: boolean;
  /** next dev evaluates code for hot reloading. */
  dev: boolean;
};

/**
 * Scripts run only with this response's nonce (and what they load, 'strict-dynamic'); never
 * inline script from elsewhere. Styles allow inline style attributes, which React writes.
 */
export function contentSecurityPolicy({ nonce, https, dev }: SecurityOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(options: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(options) };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
