import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock } from "../../lib/clock.ts";
import { THROTTLE_RULES } from "../../lib/auth/throttle.ts";
import { signIn } from "../../lib/auth/sign-in.ts";
import { changePassword } from "../../lib/auth/change-password.ts";
import { enableKnownSecondFactor, useRecoveryCode, verifySecondFactorCode } from "../../lib/auth/second-factor/index.ts";
import { issueSetupCode, redeemSetupCode } from "../../lib/accounts/index.ts";
import { makeAccount, SYSTEM, uniq } from "../helpers/account-fixtures.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";

const WRONG = "definitely not it";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
// What one username from one client may have checked before a wait: the free failures, then the
// one that starts the wait. Likewise one client across usernames.
const perAccountClient = THROTTLE_RULES["account-client"].free + 1;
const perClient = THROTTLE_RULES.client.free + 1;

// A burst of parallel attempts must not get more secrets checked than the allowance: each
// attempt is counted before its check, atomically. "Checked" is what each flow audits after it
// has compared a secret and found it wrong (a refused attempt is audited as "throttled").
describe.each(databaseKinds())("throttling parallel attempts on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-04-01T09:00:10Z");
  const db = () => test.prisma;

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const burst = <T>(n: number, attempt: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => attempt(i)));
  // Audit rows of one action and reason, optionally of one subject.
  const audited = async (action: string, reason: string, subjectId?: string) => {
    const rows = await db().auditEvent.findMany({ where: { action, ...(subjectId ? { subjectId } : {}) }, select: { detail: true } });
    return rows.filter((r) => (r.detail as { reason?: string } | null)?.reason === reason).length;
  };

  it("checks no more passwords for one username from one client than the allowance", async () => {
    const account = await makeAccount(db(), clock, { role: "caseworker" });
    const client = newClientAddress();
    const before = await audited("auth.sign-in.failed", "invalid");
    const results = await burst(100, () => signIn({ db: db(), clock, username: account.username, password: WRONG, client }));
    const answers = results.map((r) => (r.status === "fulfilled" && !r.value.ok ? r.value.reason : "error"));
    expect(answers.filter((a) => a === "invalid")).toHaveLength(perAccountClient);
    expect(answers.filter((a) => a === "throttled")).toHaveLength(100 - perAccountClient);
    expect((await audited("auth.sign-in.failed", "invalid")) - before).toBe(perAccountClient);
    // The count stands at the allowance: the right password now waits too.
    expect(await signIn({ db: db(), clock, username: account.username, password: account.password, client })).toMatchObject({ reason: "throttled" });
  });

  it("checks no more passwords from one client across usernames than the allowance", async () => {
    const client = newClientAddress();
    const before = await audited("auth.sign-in.failed", "invalid");
    const results = await burst(150, () => signIn({ db: db(), clock, username: uniq("sprayed"), password: "Winter2026!", client }));
    const invalid = results.filter((r) => r.status === "fulfilled" && !r.value.ok && r.value.reason === "invalid");
    expect(invalid).toHaveLength(perClient);
    expect((await audited("auth.sign-in.failed", "invalid")) - before).toBe(perClient);
  });

  it("checks no more set-up codes for one username from one client than the allowance", async () => {
    const account = await makeAccount(db(), clock, { role: "caseworker" });
    await issueSetupCode({ db: db(), clock, actor: SYSTEM, userId: account.actor.userId });
    const client = newClientAddress();
    const before = await audited("account.setup-code.failed", "invalid");
    const results = await burst(40, (i) =>
      redeemSetupCode({ db: db(), clock, username: account.username, code: `WRNG-${String(i).padStart(4, "0")}-0000`, newPassword: "willow lantern harbour", client }),
    );
    const invalid = results.filter((r) => r.status === "fulfilled" && !r.value.ok && r.value.reason === "invalid");
    expect(invalid).toHaveLength(perAccountClient);
    expect((await audited("account.setup-code.failed", "invalid")) - before).toBe(perAccountClient);
  });

  // A half-way session (right password, code still due) of an account with a known secret.
  async function halfWay() {
    const account = await makeAccount(db(), clock, { role: "caseworker" });
    await enableKnownSecondFactor({ db: db(), clock, userId: account.actor.userId, secret: SECRET });
    const client = newClientAddress();
    const result = await signIn({ db: db(), clock, username: account.username, password: account.password, client });
    if (!result.ok || result.next !== "code") throw new Error(`expected a half-way session, got ${JSON.stringify(result)}`);
    return { userId: account.actor.userId, sessionId: result.session.id, client };
  }

  it("checks no more security codes for a half-way sign-in than the allowance", async () => {
    const { userId, sessionId, client } = await halfWay();
    await burst(40, (i) => verifySecondFactorCode({ db: db(), clock, sessionId, client, code: String(100_000 + i) }));
    expect(await audited("auth.second-factor.failed", "wrong-code", userId)).toBe(perAccountClient);
    expect(await audited("auth.second-factor.failed", "throttled", userId)).toBe(40 - perAccountClient);
  });

  it("checks no more recovery codes for a half-way sign-in than the allowance", async () => {
    const { userId, sessionId, client } = await halfWay();
    await burst(40, (i) => useRecoveryCode({ db: db(), clock, sessionId, client, code: `wrong-${i}` }));
    expect(await audited("auth.second-factor.failed", "wrong-recovery-code", userId)).toBe(perAccountClient);
  });

  it("checks no more current passwords when changing one than the allowance", async () => {
    const account = await makeAccount(db(), clock, { role: "caseworker" });
    const client = newClientAddress();
    await burst(40, () => changePassword({ db: db(), clock, actor: account.actor, currentPassword: WRONG, newPassword: "willow lantern harbour", client }));
    expect(await audited("auth.password.change.failed", "wrong-current", account.actor.userId)).toBe(perAccountClient);
  });
});
