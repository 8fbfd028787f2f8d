import type { Connection } from "../../lib/db/connect.ts";

// Drives the real /api/auth/[...nextauth] route handler with plain Requests, as Next would,
// keeping the cookies a browser would keep. The app's database is pointed at a test database
// through the holder lib/db uses for its one connection per process.

export function useDatabase(conn: Connection) {
  (globalThis as { __recordTogetherDb?: Promise<Connection> }).__recordTogetherDb = Promise.resolve(conn);
}

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export class AuthClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly handler: Handler,
    readonly address = "203.0.113.10",
    private readonly origin = "http://localhost:3000",
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(path, this.origin);
    const headers = new Headers({ host: url.host, "x-rt-client-address": this.address });
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; "));
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const nextauth = url.pathname.replace(/^\/api\/auth\//, "").split("/");
    const res = await this.handler(new Request(url, { method: init.method ?? (init.form ? "POST" : "GET"), headers, body }), {
      params: Promise.resolve({ nextauth }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const [name, value] = [pair!.slice(0, at), decodeURIComponent(pair!.slice(at + 1))];
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async csrfToken(): Promise<string> {
    const res = await this.request("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(username: string, password: string): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.request("/api/auth/callback/credentials", { form: { username, password, csrfToken, callbackUrl: "/" } });
  }

  async signOut(): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.request("/api/auth/signout", { form: { csrfToken, callbackUrl: "/" } });
  }

  async session(): Promise<{ status: number; text: string; body: Record<string, unknown> }> {
    const res = await this.request("/api/auth/session");
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
  }
}
