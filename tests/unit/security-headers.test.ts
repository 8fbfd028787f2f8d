import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "../../lib/http/security-headers.ts";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("security headers", () => {
  it("lets scripts run only with this response's nonce", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", https: false, dev: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
    expect(directive(policy, "form-action")).toBe("form-action 'self'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
  });

  it("asks for https to be kept (HSTS) only when the public address is https", () => {
    expect(securityHeaders({ nonce: "n", https: true, dev: false })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(securityHeaders({ nonce: "n", https: true, dev: false })["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders({ nonce: "n", https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("allows evaluated code only in development (hot reloading)", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: false, dev: false })).not.toContain("'unsafe-eval'");
  });
});
