import { endCookieSession } from "@/lib/auth/end-cookie-session";
import { paths } from "@/lib/paths";

// Quick exit, server side. The button sends a beacon here (POST) as it replaces the page with the
// weather; with JavaScript off it is an ordinary link here (GET), answered with a redirect to the
// weather. Either way the session ends on the server first, so Back, or a copy of the cookie, finds
// no one signed in. Anyone may end their own session, from anywhere: there is nothing to check.
const LEAVE_HEADERS = {
  "Cache-Control": "no-store",
  // The weather site must not learn where the person came from.
  "Referrer-Policy": "no-referrer",
};

export async function GET() {
  await endCookieSession();
  return new Response(null, { status: 303, headers: { ...LEAVE_HEADERS, Location: paths.weather() } });
}

export async function POST() {
  await endCookieSession();
  return new Response(null, { status: 204, headers: LEAVE_HEADERS });
}
