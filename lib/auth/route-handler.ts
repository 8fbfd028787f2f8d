import "server-only";
import NextAuth from "next-auth";
import { log } from "../log.ts";
import { paths } from "../paths.ts";
import { authOptions } from "./next-auth.ts";
import { safeSignInError, SIGN_IN_ERROR } from "./sign-in-errors.ts";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own endpoints (CSRF token, credentials callback, sign-out, session). Options are
 * built per request so the secret is read when the server runs, not when it is built.
 *
 * Only the endpoints this portal uses reach next-auth, each by its one method (ENDPOINTS); any
 * other path answers a plain 404, and a known path by another method a plain 405. next-auth's
 * own answers to the rest are its built-in pages and its error text ("Callback for provider type
 * credentials not supported" with a 500), which no visitor should see.
 *
 * No internal error text reaches an address or a page: next-auth's error endpoint copies its
 * `error` parameter into a redirect as it stands (a control character there made the redirect
 * itself fail with a 500), so that endpoint is answered here with a known code only, its sign-in
 * page is sent to ours with nothing of the request copied, and anything unexpected becomes the
 * generic sign-in error.
 *
 * next-auth is driven through its plain request/response handler, reading everything from the
 * Request itself (its App Router adapter reads next/headers instead), so this exact handler
 * runs in the integration tests too.
 */
export async function handleAuthRoute(req: Request, ctx: Context): Promise<Response> {
  try {
    const { nextauth } = await ctx.params;
    const endpoint = nextauth.join("/");
    const method = ENDPOINTS.get(endpoint);
    if (!method) return plain(404);
    if (req.method !== method) return plain(405, { Allow: method });
    if (endpoint === "error") return toSignInPage(new URL(req.url).searchParams.get("error"));
    if (endpoint === "signin") return new Response(null, { status: 302, headers: { Location: paths.signIn() } });
    const res = new CollectedResponse();
    await NextAuth(await toApiRequest(req, nextauth) as never, res as never, authOptions());
    const answer = res.toResponse();
    // Whatever next-auth says about a failure is its own text: the status alone goes out.
    return answer.status >= 400 ? plain(answer.status) : answer;
  } catch (error) {
    log.error("auth route failed", { error });
    return toSignInPage(SIGN_IN_ERROR);
  }
}

// The endpoints in use and the one method of each. "signin" is where next-auth sends a refused
// credentials post (a stale CSRF token); "error" where it sends a failed sign-in.
const ENDPOINTS = new Map<string, "GET" | "POST">([
  ["csrf", "GET"],
  ["session", "GET"],
  ["callback/credentials", "POST"],
  ["signout", "POST"],
  ["signin", "GET"],
  ["error", "GET"],
]);

const plain = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

export function toSignInPage(rawError: string | null): Response {
  return new Response(null, { status: 302, headers: { Location: `${paths.signIn()}?error=${safeSignInError(rawError)}` } });
}

async function toApiRequest(req: Request, nextauth: string[]) {
  const url = new URL(req.url);
  const headers = Object.fromEntries(req.headers);
  return {
    method: req.method,
    headers,
    query: { ...Object.fromEntries(url.searchParams), nextauth },
    cookies: parseCookies(headers.cookie ?? ""),
    body: req.method === "POST" ? await readBody(req) : undefined,
  };
}

async function readBody(req: Request): Promise<Record<string, unknown> | undefined> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  return undefined;
}

function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    const value = part.slice(at + 1).trim();
    try {
      out[part.slice(0, at).trim()] = decodeURIComponent(value);
    } catch {
      out[part.slice(0, at).trim()] = value;
    }
  }
  return out;
}

// The small part of Node's ServerResponse that next-auth's handler uses.
class CollectedResponse {
  private statusCode = 200;
  private readonly headers = new Map<string, string | string[]>();
  private body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  json(value: unknown) {
    this.setHeader("content-type", "application/json");
    this.body = JSON.stringify(value);
  }
  send(value: unknown) {
    if (typeof value === "string") this.body = value;
    else if (value !== undefined) this.json(value);
  }
  end() {}

  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    return new Response(this.body, { status: this.statusCode, headers });
  }
}
