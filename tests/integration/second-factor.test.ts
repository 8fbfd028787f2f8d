import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock, MINUTE } from "../../lib/clock.ts";
import type { Role } from "../../lib/db/generated/enums.ts";
import { changePassword } from "../../lib/auth/change-password.ts";
import { signIn } from "../../lib/auth/sign-in.ts";
import { resolveSession } from "../../lib/auth/sessions.ts";
import { sessionRowId } from "../../lib/auth/session-token.ts";
import { THROTTLE_RULES } from "../../lib/auth/throttle.ts";
import {
  acknowledgeRecoveryCodes,
  confirmSecondFactor,
  enableKnownSecondFactor,
  recoveryCodesToShow,
  regenerateRecoveryCodes,
  resetSecondFactor,
  secondFactorSummary,
  secretToSetUp,
  turnOffSecondFactor,
  useRecoveryCode,
  verifySecondFactorCode,
} from "../../lib/auth/second-factor/index.ts";
import { Invalid, NotFound } from "../../lib/errors/index.ts";
import { makeAccount, type MadeAccount } from "../helpers/account-fixtures.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const STEP_MS = 30_000;

// The refusal's message key (said against the code field), or null when it was accepted.
async function refusedWith(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error === null) return null;
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).problems[0]!.message;
}

describe.each(databaseKinds())("the second factor on %s", (kind) => {
  let test: TestDb;
  // Mid-step, so one step either side is unambiguous.
  const clock = fixedClock("2026-03-02T09:00:10Z");
  const db = () => test.prisma;

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const codeAt = (ms: number, secret = SECRET) => generate({ secret, epoch: Math.floor(ms / 1000) });
  const codeNow = (offsetSteps = 0, secret = SECRET) => codeAt(clock.now().getTime() + offsetSteps * STEP_MS, secret);

  async function enrolled(role: Role = "caseworker") {
    const account = await makeAccount(db(), clock, { role });
    await enableKnownSecondFactor({ db: db(), clock, userId: account.actor.userId, secret: SECRET });
    return account;
  }

  /** Signs in with the password only; returns the half-way (or full) session's token. */
  async function passwordOnly(account: MadeAccount, trusted?: string, client = newClientAddress()) {
    const result = await signIn({ db: db(), clock, username: account.username, password: account.password, trusted, client });
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    return { sessionId: result.session.id, next: result.next, client };
  }

  it("sends staff without a factor to set one up, and their half-way session reaches nothing else", async () => {
    const account = await makeAccount(db(), clock, { role: "manager" });
    const { sessionId, next } = await passwordOnly(account);
    expect(next).toBe("set-up");
    expect(await resolveSession({ db: db(), clock, sessionId })).toBeNull();
    expect((await resolveSession({ db: db(), clock, sessionId, allowPending: true }))?.secondFactorPending).toBe(true);
    // Not a recovery code or a code check either: there is no factor to check yet.
    await expect(verifySecondFactorCode({ db: db(), clock, sessionId, code: "123456" })).rejects.toBeInstanceOf(NotFound);
  });

  it("sets up: the same secret until confirmed, a wrong code refused, the right one finishes the sign-in with ten recovery codes", async () => {
    const account = await makeAccount(db(), clock, { role: "caseworker" });
    const { sessionId } = await passwordOnly(account);
    const secret = (await secretToSetUp({ db: db(), clock, userId: account.actor.userId }))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await secretToSetUp({ db: db(), clock, userId: account.actor.userId })).toBe(secret);
    // Stored sealed, never in clear.
    const row = await db().secondFactor.findUniqueOrThrow({ where: { userId: account.actor.userId } });
    expect(row.secret).not.toContain(secret);
    expect(row.enabledAt).toBeNull();

    const wrong = String((Number(await codeNow(0, secret)) + 1) % 1_000_000).padStart(6, "0");
    expect(await refusedWith(confirmSecondFactor({ db: db(), clock, sessionId, code: wrong }))).toBe("security:code.wrongSetUp");
    expect(await resolveSession({ db: db(), clock, sessionId })).toBeNull();

    await confirmSecondFactor({ db: db(), clock, sessionId, code: await codeNow(0, secret) });
    expect((await resolveSession({ db: db(), clock, sessionId }))?.user.id).toBe(account.actor.userId);
    const codes = await recoveryCodesToShow(db(), account.actor);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db().recoveryCode.findMany({ where: { userId: account.actor.userId } });
    expect(stored).toHaveLength(10);
    for (const code of codes!) expect(stored.map((r) => r.hash)).not.toContain(code);
    await acknowledgeRecoveryCodes({ db: db(), actor: account.actor });
    expect(await recoveryCodesToShow(db(), account.actor)).toBeNull();
    expect(await secretToSetUp({ db: db(), clock, userId: account.actor.userId })).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { subjectId: account.actor.userId, action: "auth.second-factor.set-up" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail ?? {})).not.toContain(secret);

    // The code used to set up is spent: the next sign-in needs a later one.
    const again = await passwordOnly(account);
    expect(again.next).toBe("code");
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: again.sessionId, code: await codeNow(0, secret) }))).toBe("security:code.used");
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: again.sessionId, code: await codeNow(1, secret) }))).toBeNull();
  });

  it("accepts a code once: the same code again, even racing, is refused as used", async () => {
    const account = await enrolled();
    const [a, b, c] = [await passwordOnly(account), await passwordOnly(account), await passwordOnly(account)];
    const code = await codeNow();
    const raced = await Promise.all([a, b].map((s) => refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: s.sessionId, code }))));
    expect(raced.sort()).toEqual([null, "security:code.used"].sort());
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: c.sessionId, code }))).toBe("security:code.used");
    expect(await resolveSession({ db: db(), clock, sessionId: c.sessionId })).toBeNull();
    const failed = await db().auditEvent.findMany({ where: { subjectId: account.actor.userId, action: "auth.second-factor.failed" } });
    expect(failed.map((e) => (e.detail as { reason: string }).reason)).toEqual(["replayed", "replayed"]);
  });

  it("allows a phone clock one step out either way, not two", async () => {
    const account = await enrolled();
    const { sessionId } = await passwordOnly(account);
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId, code: await codeNow(2) }))).toBe("security:code.wrong");
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId, code: await codeNow(-2) }))).toBe("security:code.wrong");
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId, code: await codeNow(-1) }))).toBeNull();
    const later = await passwordOnly(account);
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: later.sessionId, code: await codeNow(1) }))).toBeNull();
    // After the step ahead was used, the current step's code is older: refused.
    const third = await passwordOnly(account);
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId: third.sessionId, code: await codeNow(0) }))).toBe("security:code.used");
  });

  it("counts wrong codes towards the sign-in throttle", async () => {
    const account = await enrolled();
    const { sessionId, client } = await passwordOnly(account);
    const wrong = String((Number(await codeNow()) + 5) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < THROTTLE_RULES["account-client"].free + 1; i++) {
      expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId, client, code: wrong }))).toBe("security:code.wrong");
    }
    // Now even the right code waits.
    expect(await refusedWith(verifySecondFactorCode({ db: db(), clock, sessionId, client, code: await codeNow() }))).toBe("security:code.throttled");
    expect(await resolveSession({ db: db(), clock, sessionId })).toBeNull();
  });

  it("takes each recovery code once, says how many are left, and audits its use", async () => {
    const account = await enrolled("admin");
    const full = await passwordOnly(account);
    await verifySecondFactorCode({ db: db(), clock, sessionId: full.sessionId, code: await codeNow() });
    await regenerateRecoveryCodes({ db: db(), clock, actor: { ...account.actor, sessionId: full.sessionId } });
    const [first, second] = (await recoveryCodesToShow(db(), account.actor))!;

    const a = await passwordOnly(account);
    expect(await useRecoveryCode({ db: db(), clock, sessionId: a.sessionId, code: ` ${first!.toUpperCase()} ` })).toEqual({ left: 9 });
    expect((await resolveSession({ db: db(), clock, sessionId: a.sessionId }))?.user.id).toBe(account.actor.userId);
    const b = await passwordOnly(account);
    expect(await refusedWith(useRecoveryCode({ db: db(), clock, sessionId: b.sessionId, code: first! }))).toBe("security:recovery.wrong");
    expect(await useRecoveryCode({ db: db(), clock, sessionId: b.sessionId, code: second!.replace("-", "") })).toEqual({ left: 8 });
    expect((await secondFactorSummary(db(), account.actor)).codesLeft).toBe(8);
    const used = await db().auditEvent.findMany({ where: { subjectId: account.actor.userId, action: "auth.recovery-code.used" }, orderBy: { id: "asc" } });
    expect(used.map((e) => e.detail)).toEqual([{ left: 9 }, { left: 8 }]);
    // New codes replace the old: an unused old one stops working.
    const [, , third] = (await recoveryCodesToShow(db(), account.actor))!;
    await regenerateRecoveryCodes({ db: db(), clock, actor: account.actor });
    const c = await passwordOnly(account);
    expect(await refusedWith(useRecoveryCode({ db: db(), clock, sessionId: c.sessionId, code: third! }))).toBe("security:recovery.wrong");
  });

  it("trusts a browser only for its person, factor and password", async () => {
    const account = await enrolled();
    const other = await enrolled();
    const first = await passwordOnly(account);
    const { trustToken } = await verifySecondFactorCode({ db: db(), clock, sessionId: first.sessionId, code: await codeNow(), trust: true });
    expect(trustToken).toBeTruthy();
    expect((await passwordOnly(account, trustToken)).next).toBe("done");
    expect((await passwordOnly(other, trustToken)).next).toBe("code");
    expect((await passwordOnly(account, `${trustToken}x`)).next).toBe("code");
    // Not after 30 days.
    const later = fixedClock(new Date(clock.now().getTime() + 31 * 24 * 60 * MINUTE));
    const expired = await signIn({ db: db(), clock: later, username: account.username, password: account.password, trusted: trustToken });
    expect(expired.ok && expired.next).toBe("code");
    // Not after a password change.
    const full = await resolveSession({ db: db(), clock, sessionId: first.sessionId });
    await changePassword({ db: db(), clock, actor: { ...account.actor, sessionId: full!.sessionId }, currentPassword: account.password, newPassword: "a brand new passphrase" });
    expect((await passwordOnly({ ...account, password: "a brand new passphrase" }, trustToken)).next).toBe("code");
  });

  it("lets only an admin reset a factor: sessions end, set-up comes again, audited with ids only", async () => {
    const admin = await makeAccount(db(), clock, { role: "admin" });
    const person = await enrolled("manager");
    const open = await passwordOnly(person);
    await verifySecondFactorCode({ db: db(), clock, sessionId: open.sessionId, code: await codeNow() });
    for (const role of ["caseworker", "manager", "child"] as const) {
      const someone = await makeAccount(db(), clock, { role: role === "child" ? "advocate" : role });
      await expect(resetSecondFactor({ db: db(), clock, actor: someone.actor, userId: person.actor.userId })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db().secondFactor.count({ where: { userId: person.actor.userId } })).toBe(1);
    await expect(resetSecondFactor({ db: db(), clock, actor: admin.actor, userId: crypto.randomUUID() })).rejects.toBeInstanceOf(NotFound);

    expect(await resetSecondFactor({ db: db(), clock, actor: admin.actor, userId: person.actor.userId })).toEqual({ sessionsEnded: 1 });
    expect(await resolveSession({ db: db(), clock, sessionId: open.sessionId })).toBeNull();
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionRowId(open.sessionId) } })).revokedReason).toBe("second-factor-reset");
    expect(await db().recoveryCode.count({ where: { userId: person.actor.userId } })).toBe(0);
    expect((await passwordOnly(person)).next).toBe("set-up");
    const [event] = await db().auditEvent.findMany({ where: { action: "auth.second-factor.reset", subjectId: person.actor.userId } });
    expect(event).toMatchObject({ actorId: admin.actor.userId, subjectType: "user", detail: { hadFactor: true, sessionsEnded: 1 } });
    expect(JSON.stringify(event!.detail)).not.toContain(person.username);
  });

  it("offers families a factor without forcing it; once on, they are asked for it", async () => {
    const family = await makeAccount(db(), clock, { role: "advocate" });
    const first = await passwordOnly(family);
    expect(first.next).toBe("done");
    expect((await secondFactorSummary(db(), family.actor)).required).toBe(false);
    const secret = (await secretToSetUp({ db: db(), clock, userId: family.actor.userId }))!;
    // Set up from a full session (the account page): that session stays full.
    await confirmSecondFactor({ db: db(), clock, sessionId: first.sessionId, code: await codeNow(0, secret) });
    expect(await resolveSession({ db: db(), clock, sessionId: first.sessionId })).not.toBeNull();
    expect(await secondFactorSummary(db(), family.actor)).toEqual({ enabled: true, required: false, codesLeft: 10 });
    const next = await passwordOnly(family);
    expect(next.next).toBe("code");
    expect(await resolveSession({ db: db(), clock, sessionId: next.sessionId })).toBeNull();
    await verifySecondFactorCode({ db: db(), clock, sessionId: next.sessionId, code: await codeNow(1, secret) });
    expect(await resolveSession({ db: db(), clock, sessionId: next.sessionId })).not.toBeNull();
  });

  it("lets a family member turn codes off again with their password; staff cannot", async () => {
    const family = await enrolled("advocate");
    const off = (account: MadeAccount, currentPassword: string) => turnOffSecondFactor({ db: db(), clock, actor: account.actor, currentPassword, client: newClientAddress() });
    expect(await refusedWith(off(family, "not my password"))).toBe("account:password.wrongCurrent");
    expect((await secondFactorSummary(db(), family.actor)).enabled).toBe(true);
    await off(family, family.password);
    expect(await secondFactorSummary(db(), family.actor)).toEqual({ enabled: false, required: false, codesLeft: 0 });
    expect((await passwordOnly(family)).next).toBe("done");
    expect(await db().auditEvent.count({ where: { action: "auth.second-factor.turned-off", subjectId: family.actor.userId } })).toBe(1);
    // Nothing left to turn off; and for staff it is not a choice.
    await expect(off(family, family.password)).rejects.toBeInstanceOf(NotFound);
    const staff = await enrolled("caseworker");
    await expect(off(staff, staff.password)).rejects.toBeInstanceOf(NotFound);
    expect((await secondFactorSummary(db(), staff.actor)).enabled).toBe(true);
  });

  it("refuses the second-factor step to a full session and to an ended one", async () => {
    const account = await enrolled();
    const { sessionId } = await passwordOnly(account);
    await verifySecondFactorCode({ db: db(), clock, sessionId, code: await codeNow() });
    await expect(verifySecondFactorCode({ db: db(), clock, sessionId, code: await codeNow(1) })).rejects.toBeInstanceOf(NotFound);
    await expect(useRecoveryCode({ db: db(), clock, sessionId: "no-such-session", code: "abcde-fghjk" })).rejects.toBeInstanceOf(NotFound);
  });
});
