import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import { log } from "../log.ts";
import type { Clock } from "../clock.ts";
import { HOUR, MINUTE } from "../clock.ts";
import { clientNetwork } from "./client-address.ts";
import { usernameKey } from "./username.ts";

type Tx = Prisma.TransactionClient;

// Failed sign-ins are counted in three scopes. None locks a username for everyone: each one only
// makes the next try wait, and the wait grows with consecutive failures.
//  - account-client: one username from one client. What a person mistyping, or one attacker
//    guessing, meets. Someone else on another client is not affected.
//  - client: one client across all usernames, against spraying a common password at many names.
//  - account: one username across all clients. A generous ceiling whose wait stays short, so a
//    distributed attack is slowed to about one guess a minute without keeping the owner out long.
export type ThrottleScope = "account-client" | "client" | "account";

type Rule = { free: number; firstDelayMs: number; maxDelayMs: number };

export const THROTTLE_RULES: Record<ThrottleScope, Rule> = {
  "account-client": { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * MINUTE },
  client: { free: 20, firstDelayMs: MINUTE, maxDelayMs: HOUR },
  account: { free: 50, firstDelayMs: 5_000, maxDelayMs: MINUTE },
};

// Failures further apart than this are not "consecutive": the count starts again. Longer than
// any delay, so a row idle this long holds no wait and can be pruned.
export const FORGET_MS = HOUR;

export type ThrottleKeys = Record<ThrottleScope, string>;

/** Hashed keys, so the table holds neither usernames (people type passwords there) nor addresses. */
export function throttleKeys(normalizedUsername: string, clientAddress: string): ThrottleKeys {
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");
  const network = clientNetwork(clientAddress);
  return {
    "account-client": hash(`login:${normalizedUsername}\n${network}`),
    client: hash(`client:${network}`),
    account: usernameKey(normalizedUsername),
  };
}

/** The wait after the n-th consecutive failure in a scope (0 while within the free allowance). */
export function delayAfter(scope: ThrottleScope, failures: number): number {
  const rule = THROTTLE_RULES[scope];
  if (failures <= rule.free) return 0;
  return Math.min(rule.firstDelayMs * 2 ** (failures - rule.free - 1), rule.maxDelayMs);
}

const scopes = Object.keys(THROTTLE_RULES) as ThrottleScope[];
const rowsFor = (keys: ThrottleKeys) => scopes.map((scope) => ({ scope, key: keys[scope] }));

type Counter = { failures: number; lastFailAt: Date; blockedUntil: Date | null };
/** One scope's count as this attempt left it, and as it stood before (null: no count before). */
type Reserved = { scope: ThrottleScope; key: string; mine: Counter; before: Counter | null };

/** An attempt allowed to check its secret, already counted as if it failed. */
export type Attempt = { keys: ThrottleKeys; reserved: Reserved[] };

export type Reservation = { ok: true; attempt: Attempt } | { ok: false; wait: { until: Date; scope: ThrottleScope } };

/** Audits a refused attempt (the caller's action and detail), in the throttle's transaction. */
export type RefusedAudit = (tx: Tx, wait: { until: Date; scope: ThrottleScope }) => Promise<unknown>;

// Parallel attempts on one username or client queue for its counters' row locks, and refused ones
// for the audit chain's lock, each holding a pooled connection meanwhile: a burst must wait its
// turn rather than fail for want of one.
const RESERVE_TX = { maxWait: 15_000, timeout: 15_000 };

/**
 * Takes one attempt before any secret is checked. In one transaction, the scopes' counters are
 * locked; if any scope holds a wait, nothing is counted and the wait is returned. Otherwise the
 * attempt is counted in every scope as a failure now, and the wait that failure earns is set now,
 * so parallel attempts cannot all pass a look-up made before any of them failed: no more secrets
 * are checked than the allowance. A right secret gives its attempt back (releaseAttempt); a wrong
 * one leaves it counted. A refused attempt is audited (`audit.refused`) and counts nothing.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKeys, clock: Clock, audit: { refused: RefusedAudit }): Promise<Reservation> {
  const now = clock.now();
  // A wait already committed is in force whatever is in flight: refused without taking a lock,
  // so a long burst does not queue on the counters once the wait is set.
  const seen = await findWait(db, keys, now);
  if (seen) {
    await db.$transaction((tx) => audit.refused(tx, seen), RESERVE_TX);
    return { ok: false, wait: seen };
  }
  const outcome = await db.$transaction(async (tx) => {
    const reserved = await reserveIn(tx, keys, now);
    if (!reserved.ok) await audit.refused(tx, reserved.wait);
    return reserved;
  }, RESERVE_TX);
  // Pruning inside the transaction could take row locks in another order than a parallel attempt.
  if (outcome.ok && outcome.started) await pruneThrottle(db, clock).catch((error: unknown) => log.warn("could not prune sign-in throttle", { error }));
  return outcome.ok ? { ok: true, attempt: outcome.attempt } : { ok: false, wait: outcome.wait };
}

async function findWait(db: Db, keys: ThrottleKeys, now: Date) {
  const rows = await db.signInThrottle.findMany({ where: { OR: rowsFor(keys), blockedUntil: { gt: now } } });
  return longestWait(rows.map((row) => ({ scope: row.scope as ThrottleScope, row })), now);
}

async function reserveIn(tx: Tx, keys: ThrottleKeys, now: Date): Promise<Reservation & { started?: boolean }> {
  const locked = await lockCounters(tx, keys, now);
  const wait = longestWait(locked, now);
  if (wait) {
    // Counters this look-up created (none before it) go again: a refusal leaves nothing behind.
    await tx.signInThrottle.deleteMany({ where: { OR: rowsFor(keys), failures: 0 } });
    return { ok: false, wait };
  }
  const stale = now.getTime() - FORGET_MS;
  const reserved: Reserved[] = [];
  for (const { scope, key, row } of locked) {
    // Failures further apart than FORGET_MS are not consecutive: a stale count starts again.
    const failures = (row.lastFailAt.getTime() <= stale ? 0 : row.failures) + 1;
    const delay = delayAfter(scope, failures);
    const mine: Counter = { failures, lastFailAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : row.blockedUntil };
    await tx.signInThrottle.update({ where: { scope_key: { scope, key } }, data: mine });
    reserved.push({ scope, key, mine, before: row.failures === 0 ? null : row });
  }
  return { ok: true, attempt: { keys, reserved }, started: reserved.some((r) => r.mine.failures === 1) };
}

/**
 * Locks the three counters for the rest of the transaction and reads them, creating any missing
 * one at zero: a row that does not exist cannot be locked, and INSERT … ON CONFLICT makes a
 * parallel attempt wait for this one's commit instead of both reading "no count". One statement,
 * rows always in the same order, so parallel attempts queue instead of deadlocking.
 */
async function lockCounters(tx: Tx, keys: ThrottleKeys, now: Date) {
  const [a, c, u] = [keys["account-client"], keys.client, keys.account];
  const rows = await tx.$queryRaw<(Counter & { scope: ThrottleScope; key: string })[]>`
    INSERT INTO "SignInThrottle" ("scope", "key", "failures", "lastFailAt")
    VALUES ('account-client', ${a}, 0, ${now}), ('client', ${c}, 0, ${now}), ('account', ${u}, 0, ${now})
    ON CONFLICT ("scope", "key") DO UPDATE SET "failures" = "SignInThrottle"."failures"
    RETURNING "scope", "key", "failures", "lastFailAt", "blockedUntil"`;
  return rows.map(({ scope, key, ...row }) => ({ scope, key, row }));
}

function longestWait(counters: { scope: ThrottleScope; row: { blockedUntil: Date | null } }[], now: Date): { until: Date; scope: ThrottleScope } | null {
  let wait: { until: Date; scope: ThrottleScope } | null = null;
  for (const { scope, row } of counters) {
    const until = row.blockedUntil;
    if (until && until > now && (!wait || until > wait.until)) wait = { until, scope };
  }
  return wait;
}

/**
 * Gives back an attempt whose secret was right, inside the caller's transaction: the count (and
 * the wait it set) return to what they were, so a right secret is never counted. Where another
 * attempt has counted since, only this attempt's one is taken off and that attempt's wait stands.
 */
export async function releaseAttempt(tx: Tx, attempt: Attempt): Promise<void> {
  for (const { scope, key, mine, before } of attempt.reserved) {
    const rows = await tx.$queryRaw<Counter[]>`
      SELECT "failures", "lastFailAt", "blockedUntil" FROM "SignInThrottle" WHERE "scope" = ${scope} AND "key" = ${key} FOR UPDATE`;
    const row = rows[0];
    if (!row) continue;
    const where = { scope_key: { scope, key } };
    if (sameCounter(row, mine) && before) await tx.signInThrottle.update({ where, data: before });
    else if (row.failures <= 1) await tx.signInThrottle.delete({ where });
    else await tx.signInThrottle.update({ where, data: { failures: row.failures - 1 } });
  }
}

const time = (d: Date | null) => d?.getTime() ?? null;
const sameCounter = (a: Counter, b: Counter) =>
  a.failures === b.failures && time(a.lastFailAt) === time(b.lastFailAt) && time(a.blockedUntil) === time(b.blockedUntil);

/**
 * Deletes counters idle past FORGET_MS (they hold no wait). Rows are only added when a count
 * starts, so pruning each time one does keeps the table at about the counters active in the last
 * FORGET_MS, for one indexed delete per new count. Returns how many went.
 */
export async function pruneThrottle(tx: Tx, clock: Clock): Promise<number> {
  const { count } = await tx.signInThrottle.deleteMany({ where: { lastFailAt: { lt: new Date(clock.now().getTime() - FORGET_MS) } } });
  return count;
}

/**
 * A successful sign-in forgets the failures of that username from that client only. The
 * client's count across usernames and the username's count across clients stay: otherwise a
 * sprayer could reset their own limit by signing in to an account of their own in between.
 */
export async function resetThrottle(tx: Tx, keys: ThrottleKeys): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { scope: "account-client", key: keys["account-client"] } });
}
