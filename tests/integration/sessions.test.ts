import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock, HOUR, MINUTE } from "../../lib/clock.ts";
import { signIn } from "../../lib/auth/sign-in.ts";
import {
  ABSOLUTE_TIMEOUT_MS,
  endSession,
  endSessionIfIdle,
  IDLE_TIMEOUT_MS,
  keepSessionAlive,
  resolveSession,
  TOUCH_INTERVAL_MS,
} from "../../lib/auth/sessions.ts";
import { sessionRowId } from "../../lib/auth/session-token.ts";
import { disableAccount } from "../../lib/accounts/disable-account.ts";
import { allocateCaseworker } from "../../lib/accounts/allocate-caseworker.ts";
import { findChildrenForActor } from "../../lib/access/policy.ts";
import { revokeGrant } from "../../lib/access/grants.ts";
import { addChild, addPerson, makeAccount, SYSTEM } from "../helpers/account-fixtures.ts";
import { signInFully } from "../helpers/second-factor.ts";

const SECOND = 1000;

describe.each(databaseKinds())("sessions on %s", (kind) => {
  let test: TestDb;

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const db = () => test.prisma;

  /** A new account signed in at the clock's time; returns the cookie token. */
  async function signedIn(clock: ReturnType<typeof fixedClock>, role: "caseworker" | "admin" = "admin") {
    const account = await makeAccount(db(), clock, { role });
    const result = await signInFully({ db: db(), clock, username: account.username, password: account.password });
    if (!result.ok) throw new Error("sign-in failed");
    return { account, token: result.session.id };
  }

  const resolve = (clock: ReturnType<typeof fixedClock>, token: string) => resolveSession({ db: db(), clock, sessionId: token });

  it("is valid at 14:59 of inactivity and gone at 15:01", async () => {
    const clock = fixedClock("2026-04-01T09:00:00Z");
    const { token } = await signedIn(clock);
    const a = fixedClock(clock.now());
    a.advance(IDLE_TIMEOUT_MS - SECOND);
    // Checked without counting as activity, so the second check measures from sign-in too.
    expect(await resolveSession({ db: db(), clock: a, sessionId: token, touch: false })).not.toBeNull();
    a.advance(2 * SECOND);
    expect(await resolve(a, token)).toBeNull();
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } });
    expect(row.revokedReason).toBe("idle-timeout");
    // Once gone, it stays gone, even if the clock were to go back.
    expect(await resolve(clock, token)).toBeNull();
  });

  it("is gone at exactly 15 minutes of inactivity", async () => {
    const clock = fixedClock("2026-04-01T10:00:00Z");
    const { token } = await signedIn(clock);
    clock.advance(IDLE_TIMEOUT_MS);
    expect(await resolve(clock, token)).toBeNull();
  });

  it("activity extends the idle limit", async () => {
    const clock = fixedClock("2026-04-01T11:00:00Z");
    const { token } = await signedIn(clock);
    clock.advance(10 * MINUTE);
    const active = await resolve(clock, token);
    expect(active?.idleExpiresAt).toEqual(new Date(clock.now().getTime() + IDLE_TIMEOUT_MS));
    clock.advance(14 * MINUTE + 59 * SECOND);
    expect(await resolve(clock, token)).not.toBeNull();
    clock.advance(15 * MINUTE + SECOND);
    expect(await resolve(clock, token)).toBeNull();
  });

  it("a check with touch: false does not count as activity", async () => {
    const clock = fixedClock("2026-04-01T12:00:00Z");
    const { token } = await signedIn(clock);
    clock.advance(10 * MINUTE);
    expect(await resolveSession({ db: db(), clock, sessionId: token, touch: false })).not.toBeNull();
    clock.advance(5 * MINUTE + SECOND);
    expect(await resolve(clock, token)).toBeNull();
  });

  it("the stay-signed-in button counts even straight after another request", async () => {
    const clock = fixedClock("2026-04-01T13:00:00Z");
    const { token } = await signedIn(clock);
    clock.advance(TOUCH_INTERVAL_MS / 3);
    const kept = await keepSessionAlive({ db: db(), clock, sessionId: token });
    expect(kept?.idleExpiresAt).toEqual(new Date(clock.now().getTime() + IDLE_TIMEOUT_MS));
    clock.advance(IDLE_TIMEOUT_MS - SECOND);
    expect(await resolve(clock, token)).not.toBeNull();
  });

  it("ends after 8 hours even with constant activity", async () => {
    const clock = fixedClock("2026-04-02T08:00:00Z");
    const { token } = await signedIn(clock);
    let last = null;
    for (let elapsed = 0; elapsed + 10 * MINUTE < ABSOLUTE_TIMEOUT_MS; elapsed += 10 * MINUTE) {
      clock.advance(10 * MINUTE);
      last = await resolve(clock, token);
      expect(last).not.toBeNull();
    }
    // The idle deadline never reaches past the absolute one.
    expect(last!.idleExpiresAt.getTime()).toBeLessThanOrEqual(last!.expiresAt.getTime());
    clock.set(new Date(Date.parse("2026-04-02T08:00:00Z") + ABSOLUTE_TIMEOUT_MS - SECOND));
    expect(await resolve(clock, token)).not.toBeNull();
    clock.advance(SECOND);
    expect(await resolve(clock, token)).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } })).revokedReason).toBe("absolute-timeout");
    expect(ABSOLUTE_TIMEOUT_MS).toBe(8 * HOUR);
  });

  describe("endSessionIfIdle (a browser's idle timer ran out)", () => {
    const lastSeen = async (token: string) =>
      (await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } })).lastSeenAt;

    it("keeps a session another tab used 5 minutes ago, reports its deadline and does not count as activity", async () => {
      const clock = fixedClock("2026-04-06T09:00:00Z");
      const { token } = await signedIn(clock);
      clock.advance(10 * MINUTE);
      expect(await resolve(clock, token)).not.toBeNull(); // the other tab
      const seen = await lastSeen(token);
      expect(seen).toEqual(clock.now());
      clock.advance(5 * MINUTE);
      const check = await endSessionIfIdle({ db: db(), clock, sessionId: token });
      expect(check).toEqual({ ended: false, idleExpiresAt: new Date(seen.getTime() + IDLE_TIMEOUT_MS) });
      expect(await lastSeen(token)).toEqual(seen);
      // Asking again later does not move the deadline either: the limit still counts from that request.
      clock.advance(IDLE_TIMEOUT_MS - 5 * MINUTE - SECOND);
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: token })).toEqual(check);
      clock.advance(SECOND);
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: token })).toEqual({ ended: true });
    });

    it("ends a session nobody has used for 15 minutes", async () => {
      const clock = fixedClock("2026-04-06T10:00:00Z");
      const { token } = await signedIn(clock);
      clock.advance(IDLE_TIMEOUT_MS + SECOND);
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: token })).toEqual({ ended: true });
      const row = await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } });
      expect(row.revokedReason).toBe("idle-timeout");
      expect(await resolve(fixedClock("2026-04-06T10:00:00Z"), token)).toBeNull();
    });

    it("ends a session past the 8-hour limit even if it was just used", async () => {
      const start = Date.parse("2026-04-06T08:00:00Z");
      const clock = fixedClock(new Date(start));
      const { token } = await signedIn(clock);
      for (let elapsed = 10 * MINUTE; elapsed < ABSOLUTE_TIMEOUT_MS; elapsed += 10 * MINUTE) {
        clock.set(new Date(start + elapsed));
        expect(await resolve(clock, token)).not.toBeNull();
      }
      clock.set(new Date(start + ABSOLUTE_TIMEOUT_MS));
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: token })).toEqual({ ended: true });
      const row = await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } });
      expect(row.revokedReason).toBe("absolute-timeout");
    });

    it("reports an unknown or already ended session as ended", async () => {
      const clock = fixedClock("2026-04-06T11:00:00Z");
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: "not-a-token" })).toEqual({ ended: true });
      const { token } = await signedIn(clock);
      await endSession({ db: db(), clock, sessionId: token });
      clock.advance(MINUTE);
      expect(await endSessionIfIdle({ db: db(), clock, sessionId: token })).toEqual({ ended: true });
      const row = await db().session.findUniqueOrThrow({ where: { id: sessionRowId(token) } });
      expect(row.revokedReason).toBe("signed-out");
    });
  });

  it("sign-out ends the session at once, also for a copy of the cookie", async () => {
    const clock = fixedClock("2026-04-03T09:00:00Z");
    const { token, account } = await signedIn(clock);
    const copied = `${token}`;
    expect(await endSession({ db: db(), clock, sessionId: token })).toBe(true);
    expect(await resolve(clock, copied)).toBeNull();
    expect(await keepSessionAlive({ db: db(), clock, sessionId: copied })).toBeNull();
    // Signing out twice is harmless and says so.
    expect(await endSession({ db: db(), clock, sessionId: token })).toBe(false);
    const events = await db().auditEvent.findMany({ where: { action: "auth.sign-out", actorId: account.actor.userId } });
    expect(events).toHaveLength(1);
  });

  it("sign-out ends only that session", async () => {
    const clock = fixedClock("2026-04-03T10:00:00Z");
    const { account, token } = await signedIn(clock);
    const second = await signInFully({ db: db(), clock, username: account.username, password: account.password });
    if (!second.ok) throw new Error("sign-in failed");
    await endSession({ db: db(), clock, sessionId: token });
    expect(await resolve(clock, token)).toBeNull();
    expect(await resolve(clock, second.session.id)).not.toBeNull();
  });

  it("an unknown or garbled token resolves to nothing", async () => {
    const clock = fixedClock("2026-04-03T11:00:00Z");
    expect(await resolve(clock, "")).toBeNull();
    expect(await resolve(clock, "not-a-token")).toBeNull();
    const { token } = await signedIn(clock);
    // The stored row id is not a usable cookie.
    expect(await resolve(clock, sessionRowId(token))).toBeNull();
  });

  it("disabling an account ends its sessions on the next request", async () => {
    const clock = fixedClock("2026-04-04T09:00:00Z");
    const { account, token } = await signedIn(clock, "caseworker");
    const other = await signInFully({ db: db(), clock, username: account.username, password: account.password });
    if (!other.ok) throw new Error("sign-in failed");
    expect(await resolve(clock, token)).not.toBeNull();
    const result = await disableAccount({ db: db(), clock, actor: SYSTEM, username: account.username });
    expect(result).toMatchObject({ sessionsEnded: 2, changed: true });
    expect(await resolve(clock, token)).toBeNull();
    expect(await resolve(clock, other.session.id)).toBeNull();
    const again = await disableAccount({ db: db(), clock, actor: SYSTEM, username: account.username });
    expect(again).toMatchObject({ sessionsEnded: 0, changed: false });
  });

  it("a disabled user's session is refused even if its row was somehow left open", async () => {
    const clock = fixedClock("2026-04-04T10:00:00Z");
    const { account, token } = await signedIn(clock);
    await db().user.update({ where: { id: account.actor.userId }, data: { disabledAt: clock.now() } });
    expect(await resolve(clock, token)).toBeNull();
  });

  it("revoking a grant removes the child on the very next call", async () => {
    const clock = fixedClock("2026-04-05T09:00:00Z");
    const child = await addChild(db());
    const advocatePerson = await addPerson(db(), [{ childId: child.id, relationship: "advocate" }]);
    const kid = await makeAccount(db(), clock, { role: "child", child: child.externalId });
    const advocate = await makeAccount(db(), clock, { role: "advocate", person: advocatePerson.externalId });
    expect((await findChildrenForActor({ db: db(), actor: advocate.actor })).map((c) => c.id)).toEqual([child.id]);
    const grant = await db().grant.findFirstOrThrow({ where: { userId: advocate.actor.userId, revokedAt: null } });
    await revokeGrant({ db: db(), grantId: grant.id, actor: kid.actor, clock, reason: "child-ended-advocacy" });
    expect(await findChildrenForActor({ db: db(), actor: advocate.actor })).toEqual([]);
    // The advocate's session itself still works; only the record is gone.
    const signed = await signIn({ db: db(), clock, username: advocate.username, password: advocate.password });
    expect(signed.ok).toBe(true);
  });

  it("revoking a caseworker's allocation removes the child from them and from their manager", async () => {
    const clock = fixedClock("2026-04-05T10:00:00Z");
    const child = await addChild(db());
    const team = `Team ${child.externalId}`;
    const worker = await makeAccount(db(), clock, { role: "caseworker", team });
    const manager = await makeAccount(db(), clock, { role: "manager", team });
    await allocateCaseworker({ db: db(), clock, actor: SYSTEM, username: worker.username, childExternalId: child.externalId });
    expect((await findChildrenForActor({ db: db(), actor: worker.actor })).map((c) => c.id)).toEqual([child.id]);
    expect((await findChildrenForActor({ db: db(), actor: manager.actor })).map((c) => c.id)).toEqual([child.id]);
    const grant = await db().grant.findFirstOrThrow({ where: { userId: worker.actor.userId, kind: "allocation" } });
    // The manager may end their own team's allocation.
    await revokeGrant({ db: db(), grantId: grant.id, actor: manager.actor, clock, reason: "reallocated" });
    expect(await findChildrenForActor({ db: db(), actor: worker.actor })).toEqual([]);
    expect(await findChildrenForActor({ db: db(), actor: manager.actor })).toEqual([]);
  });
});
