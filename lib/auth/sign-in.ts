import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { UNKNOWN_CLIENT } from "./client-address.ts";
import { verifyDummy, verifyPassword } from "./password.ts";
import { normalizeUsername } from "./username.ts";
import { releaseAttempt, reserveAttempt, resetThrottle, throttleKeys, type ThrottleScope } from "./throttle.ts";
import { stepAfterPassword, type AfterPassword } from "./second-factor/verify.ts";
import { startSession, toSessionUser, type SessionUser, type StartedSession } from "./sessions.ts";

type Tx = Prisma.TransactionClient;

export type SignInResult =
  | { ok: true; user: SessionUser; session: StartedSession; next: AfterPassword }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Checks a username and password and opens a session. Unknown, disabled and real usernames
 * take the same path (one throttle write, one lookup, one argon2 verification, one audit row),
 * so neither the answer nor its timing tells whether a username exists. `client` is the
 * address the HTTP server resolved (clientAddressFrom); throttling counts per username and
 * client, per client and per username (lib/auth/throttle.ts).
 *
 * A right password alone opens a half-way session when a second factor is due (`next` says which
 * step: "code", or "set-up" for staff without one); only the second-factor step accepts it.
 * `trusted` is the "trust this browser" cookie's value, which skips the code for its owner.
 */
export async function signIn(input: {
  db: Db;
  clock: Clock;
  username: string;
  password: string;
  client?: string;
  trusted?: string;
}): Promise<SignInResult> {
  const { db, clock, password } = input;
  const username = normalizeUsername(input.username);
  const keys = throttleKeys(username, input.client ?? UNKNOWN_CLIENT);
  // Counted before the password is checked, so parallel guesses cannot outrun the count.
  const reservation = await reserveAttempt(db, keys, clock, { refused: (tx, wait) => auditFailure(tx, clock, "throttled", wait.scope) });
  if (!reservation.ok) {
    // Even the right password is refused while waiting; nothing is counted or verified.
    return { ok: false, reason: "throttled", retryAt: reservation.wait.until };
  }
  const user = await db.user.findUnique({ where: { username } });
  // Verify outside any transaction: PGlite has one connection and argon2 takes tens of ms.
  const usable = user !== null && user.disabledAt === null;
  const passwordOk = usable ? await verifyPassword(user.passwordHash, password) : await verifyDummy(password);
  if (!usable || !passwordOk) {
    // Already counted. The attempt that started a wait still answers "invalid": its password was checked, and wrong.
    await db.$transaction((tx) => auditFailure(tx, clock, "invalid"));
    return { ok: false, reason: "invalid" };
  }
  const next = await stepAfterPassword(db, user, input.trusted, clock.now());
  const session = await db.$transaction(async (tx) => {
    await releaseAttempt(tx, reservation.attempt);
    await resetThrottle(tx, keys);
    const started = await startSession(tx, { userId: user.id, clock, secondFactorPending: next !== "done" });
    const actor: Actor = { userId: user.id, role: user.role, displayName: user.displayName };
    const detail = next === "done" ? undefined : { secondFactor: next };
    await appendAudit(tx, { actor, action: "auth.sign-in", subjectType: "user", subjectId: user.id, detail, at: clock.now() });
    return started;
  });
  return { ok: true, user: toSessionUser(user), session, next };
}

// A category only: never the username (people type passwords into the username box) or address.
function auditFailure(tx: Tx, clock: Clock, reason: "invalid" | "throttled", scope?: ThrottleScope) {
  return appendAudit(tx, { actor: null, action: "auth.sign-in.failed", detail: scope ? { reason, scope } : { reason }, at: clock.now() });
}
