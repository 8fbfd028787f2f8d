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

/** When sign-in may next be tried, and which scope holds it back; null when it may be tried now. */
export async function findWait(db: Tx, keys: ThrottleKeys, clock: Clock): Promise<{ until: Date; scope: ThrottleScope } | null> {
  const now = clock.now();
  const rows = await db.signInThrottle.findMany({
    where: { OR: rowsFor(keys), blockedUntil: { gt: now } },
    select: { scope: true, blockedUntil: true },
  });
  let wait: { until: Date; scope: ThrottleScope } | null = null;
  for (const row of rows) {
    if (row.blockedUntil && (!wait || row.blockedUntil > wait.until)) wait = { until: row.blockedUntil, scope: row.scope as ThrottleScope };
  }
  return wait;
}

/**
 * Counts one failed attempt in every scope and sets each scope's wait. Returns true when a count
 * started afresh: the caller then prunes old rows, after its transaction (pruning inside it could
 * take row locks in another order than a parallel attempt and deadlock).
 */
export async function recordFailure(tx: Tx, keys: ThrottleKeys, clock: Clock): Promise<boolean> {
  const now = clock.now();
  const stale = new Date(now.getTime() - FORGET_MS);
  let created = false;
  for (const { scope, key } of rowsFor(keys)) {
    // A stale count starts again from zero (racing attempts may both reset it: harmless).
    await tx.signInThrottle.updateMany({ where: { scope, key, lastFailAt: { lte: stale } }, data: { failures: 0, blockedUntil: null } });
    // One atomic statement (INSERT … ON CONFLICT), so parallel attempts cannot lose a count.
    const row = await tx.signInThrottle.upsert({
      where: { scope_key: { scope, key } },
      create: { scope, key, failures: 1, lastFailAt: now },
      update: { failures: { increment: 1 }, lastFailAt: now },
    });
    created ||= row.failures === 1;
    const delay = delayAfter(scope, row.failures);
    if (delay > 0) {
      const until = new Date(now.getTime() + delay);
      // Never shortens a wait a racing attempt has already set.
      await tx.signInThrottle.updateMany({
        where: { scope, key, OR: [{ blockedUntil: null }, { blockedUntil: { lt: until } }] },
        data: { blockedUntil: until },
      });
    }
  }
  return created;
}

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

/**
 * A failed attempt (password or second-factor code): counted in every scope, with the caller's
 * audit row in the same transaction; old counters are pruned when a count starts afresh.
 */
export async function countFailure(db: Db, keys: ThrottleKeys, clock: Clock, audit: (tx: Tx) => Promise<unknown>): Promise<void> {
  const countStarted = await db.$transaction(async (tx) => {
    const started = await recordFailure(tx, keys, clock);
    await audit(tx);
    return started;
  });
  if (countStarted) await pruneThrottle(db, clock).catch((error: unknown) => log.warn("could not prune sign-in throttle", { error }));
}
