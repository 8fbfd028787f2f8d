import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock, MINUTE, type Clock } from "../../lib/clock.ts";
import { connect } from "../../lib/db/connect.ts";
import { FORGET_MS as THROTTLE_FORGET_MS, THROTTLE_RULES } from "../../lib/auth/throttle.ts";
import { signIn, type SignInResult } from "../../lib/auth/sign-in.ts";
import { resolveSession } from "../../lib/auth/sessions.ts";
import { usernameKey } from "../../lib/auth/username.ts";
import { disableAccount } from "../../lib/accounts/disable-account.ts";
import { makeAccount, SYSTEM, uniq } from "../helpers/account-fixtures.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";
import { finishSignIn } from "../helpers/second-factor.ts";

const WRONG = "definitely not it";

// The part of a failed answer a caller (and so an attacker) gets to see.
function failure(result: SignInResult) {
  expect(result.ok).toBe(false);
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe.each(databaseKinds())("signIn on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-03-02T09:00:00Z");

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const db = () => test.prisma;
  const staff = () => makeAccount(db(), clock, { role: "caseworker" });

  it("opens a server-side session for the right password", async () => {
    const account = await staff();
    const result = await signIn({ db: db(), clock, username: account.username, password: account.password });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    expect(result.user).toMatchObject({ id: account.actor.userId, role: "caseworker" });
    expect(result.user).not.toHaveProperty("passwordHash");
    expect(result.session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.session.expiresAt.getTime() - clock.now().getTime()).toBe(8 * 60 * MINUTE);
    // The cookie token is not stored: the row id is its hash.
    expect(await db().session.findUnique({ where: { id: result.session.id } })).toBeNull();
    // Staff have a second factor to set up: until then the session is half-way, good for nothing else.
    expect(result.next).toBe("set-up");
    expect(await resolveSession({ db: db(), clock, sessionId: result.session.id })).toBeNull();
    await finishSignIn(db(), clock, result);
    const resolved = await resolveSession({ db: db(), clock, sessionId: result.session.id });
    expect(resolved?.user.id).toBe(account.actor.userId);
    const audit = await db().auditEvent.findMany({ where: { action: "auth.sign-in", actorId: account.actor.userId } });
    expect(audit).toHaveLength(1);
  });

  it("accepts the username in any case and with surrounding spaces", async () => {
    const account = await staff();
    const result = await signIn({ db: db(), clock, username: `  ${account.username.toUpperCase()} `, password: account.password });
    expect(result.ok).toBe(true);
  });

  it("gives the identical answer for a wrong password and an unknown username", async () => {
    const account = await staff();
    const wrongPassword = failure(await signIn({ db: db(), clock, username: account.username, password: WRONG }));
    const unknownUser = failure(await signIn({ db: db(), clock, username: uniq("nobody"), password: account.password }));
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownUser).toEqual(wrongPassword);
    expect(Object.keys(unknownUser).sort()).toEqual(Object.keys(wrongPassword).sort());
  });

  it("keeps usernames and passwords out of the failure audit and the throttle table", async () => {
    const username = uniq("typo");
    const password = uniq("secret-password");
    const client = newClientAddress();
    await signIn({ db: db(), clock, username, password, client });
    const failures = await db().auditEvent.findMany({ where: { action: "auth.sign-in.failed" } });
    expect(failures.length).toBeGreaterThan(0);
    const text = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
    const dump = text(failures) + text(await db().signInThrottle.findMany());
    expect(dump).not.toContain(username);
    expect(dump).not.toContain(password);
    expect(dump).not.toContain(client);
    expect(await db().signInThrottle.findUnique({ where: { scope_key: { scope: "account", key: usernameKey(username) } } })).toMatchObject({
      failures: 1,
    });
  });

  describe("throttling", () => {
    const rules = THROTTLE_RULES;
    const attempt = (clock: Clock, username: string, password: string, client: string) => signIn({ db: db(), clock, username, password, client });
    // Waits until the attempt after `failures` would be answered, by failing from `client`.
    const failTimes = async (clock: Clock, username: string, client: string, times: number) => {
      for (let i = 0; i < times; i++) expect(await attempt(clock, username, WRONG, client)).toEqual({ ok: false, reason: "invalid" });
    };
    const waitOf = (result: SignInResult, clock: Clock) => {
      if (result.ok || result.reason !== "throttled") throw new Error(`expected a wait, got ${JSON.stringify(result)}`);
      return result.retryAt.getTime() - clock.now().getTime();
    };

    it("makes one client wait longer after each failure, refusing even the right password meanwhile", async () => {
      const clock = fixedClock("2026-03-03T09:00:00Z");
      const account = await staff();
      const client = newClientAddress();
      await failTimes(clock, account.username, client, rules["account-client"].free);
      const waits: number[] = [];
      for (let i = 0; i < 7; i++) {
        await failTimes(clock, account.username, client, 1);
        const refused = await attempt(clock, account.username, account.password, client);
        waits.push(waitOf(refused, clock));
        clock.advance(waits.at(-1)! - 1000);
        // Still waiting a second before the end, with the right password: nothing opened.
        expect(await attempt(clock, account.username, account.password, client)).toMatchObject({ reason: "throttled" });
        clock.advance(1000);
      }
      expect(waits).toEqual([30_000, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
      expect(await db().session.count({ where: { userId: account.actor.userId } })).toBe(0);
      // Once the wait is over, the right password works, and forgets this client's failures.
      expect((await attempt(clock, account.username, account.password, client)).ok).toBe(true);
      await failTimes(clock, account.username, client, rules["account-client"].free);
      expect((await attempt(clock, account.username, account.password, client)).ok).toBe(true);
    });

    it("lets the owner sign in from another client while an attacker keeps failing", async () => {
      const clock = fixedClock("2026-03-04T09:00:00Z");
      const victim = await staff();
      const attacker = newClientAddress();
      const victimClient = newClientAddress();
      const answers = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const r = await attempt(clock, victim.username, WRONG, attacker);
        answers.add(r.ok ? "ok" : r.reason);
        clock.advance(10_000);
      }
      expect(answers).toEqual(new Set(["invalid", "throttled"]));
      expect(await attempt(clock, victim.username, victim.password, attacker)).toMatchObject({ reason: "throttled" });
      const owner = await attempt(clock, victim.username, victim.password, victimClient);
      expect(owner.ok).toBe(true);
    });

    it("answers an unknown username exactly as a real one, wait for wait", async () => {
      const clock = fixedClock("2026-03-04T12:00:00Z");
      const account = await staff();
      const client = newClientAddress();
      const sequence = async (username: string) => {
        const out: SignInResult[] = [];
        for (let i = 0; i < rules["account-client"].free + 3; i++) out.push(await attempt(clock, username, WRONG, client));
        return out;
      };
      const real = await sequence(account.username);
      const ghost = await sequence(uniq("ghost"));
      expect(ghost).toEqual(real);
      expect(real.at(-1)).toEqual({ ok: false, reason: "throttled", retryAt: new Date(clock.now().getTime() + 30_000) });
    });

    it("limits one client spraying many usernames, without touching other clients", async () => {
      const clock = fixedClock("2026-03-05T09:00:00Z");
      const sprayer = newClientAddress();
      const answers: string[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await attempt(clock, uniq("sprayed"), "Winter2026!", sprayer);
        answers.push(r.ok ? "ok" : r.reason);
      }
      const free = rules.client.free;
      expect(answers).toEqual([...Array(free + 1).fill("invalid"), ...Array(30 - free - 1).fill("throttled")]);
      // A real account from the spraying client waits too (even its own) ...
      const account = await staff();
      const refused = await attempt(clock, account.username, account.password, sprayer);
      expect(waitOf(refused, clock)).toBe(rules.client.firstDelayMs);
      // ... the same account from anywhere else does not.
      expect((await attempt(clock, account.username, account.password, newClientAddress())).ok).toBe(true);
      // Signing in from the sprayer's client later does not reset its count across usernames.
      clock.advance(rules.client.firstDelayMs);
      expect((await attempt(clock, account.username, account.password, sprayer)).ok).toBe(true);
      await attempt(clock, uniq("sprayed"), "Winter2026!", sprayer);
      expect(waitOf(await attempt(clock, uniq("sprayed"), "Winter2026!", sprayer), clock)).toBe(2 * rules.client.firstDelayMs);
    });

    it("counts a username across clients, but that ceiling only slows guessing: never a long wait", async () => {
      const clock = fixedClock("2026-03-06T09:00:00Z");
      const account = await staff();
      const { free, maxDelayMs } = rules.account;
      // A distributed attack: each guess from a new client.
      for (let i = 0; i < free; i++) await attempt(clock, account.username, WRONG, newClientAddress());
      expect((await attempt(clock, account.username, account.password, newClientAddress())).ok).toBe(true);
      let longest = 0;
      for (let i = 0; i < 12; i++) {
        await attempt(clock, account.username, WRONG, newClientAddress());
        const r = await attempt(clock, account.username, account.password, newClientAddress());
        longest = Math.max(longest, waitOf(r, clock));
        clock.advance(waitOf(r, clock));
      }
      expect(longest).toBe(maxDelayMs);
      expect(maxDelayMs).toBeLessThanOrEqual(MINUTE);
      // The owner, waiting that short while, gets in.
      expect((await attempt(clock, account.username, account.password, newClientAddress())).ok).toBe(true);
    });

    it("forgets failures that are far apart", async () => {
      const clock = fixedClock("2026-03-06T12:00:00Z");
      const account = await staff();
      const client = newClientAddress();
      await failTimes(clock, account.username, client, rules["account-client"].free);
      clock.advance(THROTTLE_FORGET_MS);
      // The next failure comes long after the others: it starts a new count instead of a wait.
      await failTimes(clock, account.username, client, 1);
      expect((await attempt(clock, account.username, account.password, client)).ok).toBe(true);
    });

    it("counts failures made in parallel without losing any", async () => {
      const clock = fixedClock("2026-03-07T09:00:00Z");
      const account = await staff();
      const client = newClientAddress();
      const free = rules["account-client"].free;
      const results = await Promise.all(Array.from({ length: free + 1 }, () => attempt(clock, account.username, WRONG, client)));
      expect(results.every((r) => !r.ok)).toBe(true);
      expect(await attempt(clock, account.username, account.password, client)).toMatchObject({ reason: "throttled" });
    });

    it("prunes counters idle past the forget window when a new count starts", async () => {
      const clock = fixedClock("2026-03-08T09:00:00Z");
      const old = uniq("old");
      await attempt(clock, old, WRONG, newClientAddress());
      const oldKey = usernameKey(old);
      expect(await db().signInThrottle.count({ where: { key: oldKey } })).toBe(1);
      clock.advance(THROTTLE_FORGET_MS - 1000);
      await attempt(clock, uniq("recent"), WRONG, newClientAddress());
      expect(await db().signInThrottle.count({ where: { key: oldKey } })).toBe(1);
      clock.advance(2000);
      await attempt(clock, uniq("new"), WRONG, newClientAddress());
      expect(await db().signInThrottle.count({ where: { key: oldKey } })).toBe(0);
      expect(await db().signInThrottle.count({ where: { lastFailAt: { lt: new Date(clock.now().getTime() - THROTTLE_FORGET_MS) } } })).toBe(0);
    });

    // PGlite has one opener per database, so only PostgreSQL can have two nodes.
    if (kind === "postgres") it("shares counters between app nodes on one PostgreSQL database", async () => {
      const clock = fixedClock("2026-03-09T09:00:00Z");
      const other = await connect(test.target);
      try {
        const account = await staff();
        const client = newClientAddress();
        const nodes = [db(), other.prisma];
        for (let i = 0; i <= rules["account-client"].free; i++) {
          const r = await signIn({ db: nodes[i % 2]!, clock, username: account.username, password: WRONG, client });
          expect(r).toEqual({ ok: false, reason: "invalid" });
        }
        for (const node of nodes) {
          expect(await signIn({ db: node, clock, username: account.username, password: account.password, client })).toMatchObject({
            reason: "throttled",
          });
        }
      } finally {
        await other.close();
      }
    });
  });
  it("a disabled account cannot sign in, and is answered like an unknown username", async () => {
    const account = await staff();
    await disableAccount({ db: db(), clock, actor: SYSTEM, username: account.username });
    const result = await signIn({ db: db(), clock, username: account.username, password: account.password });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await db().session.count({ where: { userId: account.actor.userId } })).toBe(0);
  });

  it("a corrupt stored hash refuses sign-in instead of throwing", async () => {
    const account = await staff();
    await db().user.update({ where: { id: account.actor.userId }, data: { passwordHash: "garbage" } });
    expect(await signIn({ db: db(), clock, username: account.username, password: account.password })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("takes about as long for an unknown username as for a wrong password", async () => {
    const clock = fixedClock("2026-03-08T09:00:00Z");
    const rounds = 7;
    // One attempt per username, so no attempt is cut short by a lock.
    const accounts = [];
    for (let i = 0; i < rounds; i++) accounts.push(await staff());
    await signIn({ db: db(), clock, username: uniq("warm-up"), password: WRONG, client: newClientAddress() });
    // This process's CPU time (argon2's threads included), not the wall clock: what the work costs,
    // whatever else the machine is running beside the tests.
    const cpuOf = async (work: () => Promise<unknown>) => {
      const start = process.cpuUsage();
      await work();
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    const timeOf = (username: string) =>
      cpuOf(async () => {
        const r = await signIn({ db: db(), clock, username, password: WRONG, client: newClientAddress() });
        expect(r).toEqual({ ok: false, reason: "invalid" });
      });
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < rounds; i++) {
      known.push(await timeOf(accounts[i]!.username));
      unknown.push(await timeOf(uniq("ghost")));
    }
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // And both really do pay for an argon2 verification (not a fast path for either).
    const { hashPassword } = await import("../../lib/auth/password.ts");
    const hashes: number[] = [];
    for (let i = 0; i < 3; i++) hashes.push(await cpuOf(() => hashPassword("time one hash")));
    expect(median(unknown)).toBeGreaterThan(median(hashes) * 0.5);
  });
});
