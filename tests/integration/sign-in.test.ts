import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock, MINUTE } from "../../lib/clock.ts";
import { signIn, type SignInResult } from "../../lib/auth/sign-in.ts";
import { resolveSession } from "../../lib/auth/sessions.ts";
import { FAILURE_WINDOW_MS, LOCK_MS, MAX_FAILURES } from "../../lib/auth/throttle.ts";
import { usernameKey } from "../../lib/auth/username.ts";
import { disableAccount } from "../../lib/accounts/disable-account.ts";
import { makeAccount, SYSTEM, uniq } from "../helpers/account-fixtures.ts";

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
    await signIn({ db: db(), clock, username, password });
    const failures = await db().auditEvent.findMany({ where: { action: "auth.sign-in.failed" } });
    expect(failures.length).toBeGreaterThan(0);
    const text = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
    const dump = text(failures) + text(await db().loginThrottle.findMany());
    expect(dump).not.toContain(username);
    expect(dump).not.toContain(password);
    expect(await db().loginThrottle.findUnique({ where: { usernameKey: usernameKey(username) } })).toMatchObject({ failures: 1 });
  });

  it("locks after repeated failures, refuses even the right password while locked, and lifts after the window", async () => {
    const clock = fixedClock("2026-03-03T09:00:00Z");
    const account = await staff();
    const answers: string[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = failure(await signIn({ db: db(), clock, username: account.username, password: WRONG }));
      answers.push(r.ok ? "ok" : r.reason);
      clock.advance(1000);
    }
    expect(answers).toEqual(Array(MAX_FAILURES).fill("invalid"));
    expect(await signIn({ db: db(), clock, username: account.username, password: account.password })).toEqual({
      ok: false,
      reason: "locked",
    });
    // Near the end of the window: still locked, and no new session was opened meanwhile.
    clock.advance(LOCK_MS - 2 * MINUTE);
    expect(await signIn({ db: db(), clock, username: account.username, password: account.password })).toEqual({
      ok: false,
      reason: "locked",
    });
    expect(await db().session.count({ where: { userId: account.actor.userId } })).toBe(0);
    clock.advance(2 * MINUTE);
    const after = await signIn({ db: db(), clock, username: account.username, password: account.password });
    expect(after.ok).toBe(true);
  });

  it("locks the same way whether or not the username exists", async () => {
    const clock = fixedClock("2026-03-04T09:00:00Z");
    const account = await staff();
    const unknown = uniq("ghost");
    const sequence = async (username: string) => {
      const out: SignInResult[] = [];
      for (let i = 0; i < MAX_FAILURES + 2; i++) out.push(await signIn({ db: db(), clock, username, password: WRONG }));
      return out;
    };
    const real = await sequence(account.username);
    const ghost = await sequence(unknown);
    expect(ghost).toEqual(real);
    expect(real.at(-1)).toEqual({ ok: false, reason: "locked" });
  });

  it("a lock on one username does not lock another", async () => {
    const clock = fixedClock("2026-03-05T09:00:00Z");
    const [victim, other] = [await staff(), await staff()];
    for (let i = 0; i < MAX_FAILURES; i++) await signIn({ db: db(), clock, username: victim.username, password: WRONG });
    expect(failure(await signIn({ db: db(), clock, username: victim.username, password: victim.password }))).toMatchObject({
      reason: "locked",
    });
    expect((await signIn({ db: db(), clock, username: other.username, password: other.password })).ok).toBe(true);
  });

  it("a successful sign-in forgets earlier failures", async () => {
    const clock = fixedClock("2026-03-06T09:00:00Z");
    const account = await staff();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn({ db: db(), clock, username: account.username, password: WRONG });
    expect((await signIn({ db: db(), clock, username: account.username, password: account.password })).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn({ db: db(), clock, username: account.username, password: WRONG });
    expect((await signIn({ db: db(), clock, username: account.username, password: account.password })).ok).toBe(true);
  });

  it("forgets failures that are far apart", async () => {
    const clock = fixedClock("2026-03-06T12:00:00Z");
    const account = await staff();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn({ db: db(), clock, username: account.username, password: WRONG });
    clock.advance(FAILURE_WINDOW_MS);
    // The fifth failure comes long after the fourth: it does not lock.
    await signIn({ db: db(), clock, username: account.username, password: WRONG });
    expect((await signIn({ db: db(), clock, username: account.username, password: account.password })).ok).toBe(true);
  });

  it("counts failures made in parallel without losing any", async () => {
    const clock = fixedClock("2026-03-07T09:00:00Z");
    const account = await staff();
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES }, () => signIn({ db: db(), clock, username: account.username, password: WRONG })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await signIn({ db: db(), clock, username: account.username, password: account.password })).toEqual({
      ok: false,
      reason: "locked",
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
    await signIn({ db: db(), clock, username: uniq("warm-up"), password: WRONG });
    const timeOf = async (username: string) => {
      const start = performance.now();
      const r = await signIn({ db: db(), clock, username, password: WRONG });
      const ms = performance.now() - start;
      expect(r).toEqual({ ok: false, reason: "invalid" });
      return ms;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Interleaved so drift in machine load hits both sides alike.
      known.push(await timeOf(accounts[i]!.username));
      unknown.push(await timeOf(uniq("ghost")));
    }
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // And both really do pay for an argon2 verification (not a fast path for either).
    const { hashPassword } = await import("../../lib/auth/password.ts");
    const start = performance.now();
    await hashPassword("time one hash");
    const oneHash = performance.now() - start;
    expect(median(unknown)).toBeGreaterThan(oneHash * 0.5);
  });
});
