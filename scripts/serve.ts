// The portal's HTTP server: Next.js behind a thin layer that gives every response its own
// Content-Security-Policy nonce (Next.js reads it from the request and puts it on its scripts)
// and, on https, HSTS; tells the app which client is asking; and refuses posts from other sites. Started by scripts/start.ts; run without the react-server condition.
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import { crossSiteRefusal } from "../lib/action/cross-site.ts";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "../lib/auth/client-address.ts";
import { env } from "../lib/env.ts";
import { securityHeaders } from "../lib/http/security-headers.ts";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = env.PORT;
const https = (env.NEXTAUTH_URL ?? "").startsWith("https:");

const app = next({ dev, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const nonce = randomBytes(18).toString("base64");
  const headers = securityHeaders({ nonce, https, dev });
  // Next.js takes the nonce from the request's policy and puts it on its scripts.
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  setUnlessSet(res, headers);
  // Who is asking, for sign-in throttling: X-Forwarded-For counts only from TRUSTED_PROXIES, and
  // whatever a client sent in this header is replaced.
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies: env.TRUSTED_PROXIES,
  });
  // A post from another site gets a small 403 page in the reader's language, before Next.js
  // (whose own check of a server action's origin answered a bare 500) or any action runs.
  const refused = crossSiteRefusal(req);
  if (refused) {
    req.resume();
    res.writeHead(refused.status, refused.headers).end(refused.body);
    return;
  }
  void handle(req, res);
});
// Added as the response starts, so a route's own stricter policy (file downloads) is kept:
// Next.js does not replace a header that is already set.
function setUnlessSet(res: http.ServerResponse, headers: Record<string, string>) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    for (const [name, value] of Object.entries(headers)) if (!res.hasHeader(name)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

server.listen(port, () => console.log(`Serving on port ${port}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by scripts/start.ts: when that process is gone, so is the database it served.
process.on("disconnect", stop);
