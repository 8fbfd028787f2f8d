import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";
import { fixedClock } from "../../lib/clock.ts";
import type { Actor } from "../../lib/access/actor.ts";
import type { Role } from "../../lib/db/generated/enums.ts";
import { changePassword } from "../../lib/auth/change-password.ts";
import { THROTTLE_RULES } from "../../lib/auth/throttle.ts";
import { resolveSession } from "../../lib/auth/sessions.ts";
import { usernameKey } from "../../lib/auth/username.ts";
import { Invalid } from "../../lib/errors/index.ts";
import { addChild, makeAccount, type MadeAccount } from "../helpers/account-fixtures.ts";
import { signInFully } from "../helpers/second-factor.ts";
import { newClientAddress } from "../helpers/client-addresses.ts";

const NEW_PASSWORD = "quiet orchard lantern";

// What a refusal says, and against which field.
async function refusal(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).problems;
}

describe.each(databaseKinds())("changePassword on %s", (kind) => {
  let test: TestDb;
  const clock = fixedClock("2026-03-02T09:00:00Z");

  beforeAll(async () => {
    test = await createTestDb(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });

  const db = () => test.prisma;

  // An account signed in on two devices: `here` changes the password, `elsewhere` should end.
  async function signedInTwice(role: Role = "caseworker") {
    const child = role === "child" ? (await addChild(db())).externalId : undefined;
    const account = await makeAccount(db(), clock, { role, child });
    const open = async () => {
      const result = await signInFully({ db: db(), clock, username: account.username, password: account.password });
      if (!result.ok) throw new Error("sign-in failed");
      return result.session.id;
    };
    const here = await open();
    const elsewhere = await open();
    const actor: Actor = { ...account.actor, sessionId: here };
    return { account, actor, here, elsewhere };
  }

  const change = (actor: Actor, currentPassword: string, newPassword: string, client?: string) =>
    changePassword({ db: db(), clock, actor, currentPassword, newPassword, client });

  const hashOf = async (account: MadeAccount) => (await db().user.findUniqueOrThrow({ where: { id: account.actor.userId } })).passwordHash;

  it("changes the password, ends the other sessions but not this one, and the old password stops working", async () => {
    const { account, actor, here, elsewhere } = await signedInTwice();
    expect(await change(actor, account.password, NEW_PASSWORD)).toEqual({ sessionsEnded: 1 });
    expect(await resolveSession({ db: db(), clock, sessionId: here })).not.toBeNull();
    expect(await resolveSession({ db: db(), clock, sessionId: elsewhere })).toBeNull();
    const ended = await db().session.findMany({ where: { userId: actor.userId, revokedAt: { not: null } } });
    expect(ended.map((s) => s.revokedReason)).toEqual(["password-changed"]);
    expect(await signInFully({ db: db(), clock, username: account.username, password: account.password })).toEqual({ ok: false, reason: "invalid" });
    expect((await signInFully({ db: db(), clock, username: account.username, password: NEW_PASSWORD })).ok).toBe(true);
  });

  it("writes one audit row that holds no password and no hash", async () => {
    const { account, actor } = await signedInTwice("advocate");
    const before = await hashOf(account);
    await change(actor, account.password, NEW_PASSWORD);
    const rows = await db().auditEvent.findMany({ where: { action: "auth.password.change", subjectId: actor.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: actor.userId, subjectType: "user", detail: { sessionsEnded: 1 } });
    const dump = JSON.stringify(rows, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x));
    for (const secret of [account.password, NEW_PASSWORD, before, await hashOf(account), actor.sessionId!]) expect(dump).not.toContain(secret);
  });

  it("refuses a wrong current password, changes nothing, and counts it against the sign-in throttle", async () => {
    const { account, actor, elsewhere } = await signedInTwice();
    const client = newClientAddress();
    const before = await hashOf(account);
    expect(await refusal(change(actor, "not my password at all", NEW_PASSWORD, client))).toEqual([
      { path: "currentPassword", message: "account:password.wrongCurrent" },
    ]);
    expect(await hashOf(account)).toBe(before);
    expect(await resolveSession({ db: db(), clock, sessionId: elsewhere })).not.toBeNull();
    const counted = await db().signInThrottle.findUnique({ where: { scope_key: { scope: "account", key: usernameKey(account.username) } } });
    expect(counted?.failures).toBe(1);
    const failed = await db().auditEvent.findMany({ where: { action: "auth.password.change.failed", subjectId: actor.userId } });
    expect(failed.map((r) => r.detail)).toEqual([{ reason: "wrong-current" }]);
  });

  it("once wrong guesses start a wait, even the right current password is refused, and sign-in waits too", async () => {
    const { account, actor } = await signedInTwice();
    const client = newClientAddress();
    const free = THROTTLE_RULES["account-client"].free;
    for (let i = 0; i <= free; i++) await refusal(change(actor, `guess number ${i}`, NEW_PASSWORD, client));
    expect(await refusal(change(actor, account.password, NEW_PASSWORD, client))).toEqual([
      { path: "currentPassword", message: "account:password.throttled" },
    ]);
    expect(await signInFully({ db: db(), clock, username: account.username, password: account.password, client })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signInFully({ db: db(), clock, username: account.username, password: NEW_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses short, common, username-containing and unchanged passwords for staff, changing nothing", async () => {
    const { account, actor, elsewhere } = await signedInTwice("manager");
    const before = await hashOf(account);
    const cases: [string, string][] = [
      ["eleven char", "account:password.tooShortStaff"],
      ["Qwerty123456", "account:password.common"],
      [`my ${account.username.toUpperCase()} pass`, "account:password.hasUsername"],
      [account.password, "account:password.sameAsOld"],
    ];
    for (const [newPassword, message] of cases) {
      expect(await refusal(change(actor, account.password, newPassword))).toEqual([{ path: "newPassword", message }]);
    }
    expect(await hashOf(account)).toBe(before);
    expect(await resolveSession({ db: db(), clock, sessionId: elsewhere })).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "auth.password.change", subjectId: actor.userId } })).toBe(0);
  });

  it("keeps the shorter minimum for families but still refuses a common password", async () => {
    const { account, actor } = await signedInTwice("child");
    expect(await refusal(change(actor, account.password, "1234567890"))).toEqual([{ path: "newPassword", message: "account:password.common" }]);
    expect(await refusal(change(actor, account.password, "nine char"))).toEqual([{ path: "newPassword", message: "account:password.tooShortFamily" }]);
    expect(await change(actor, account.password, "ten chars!")).toEqual({ sessionsEnded: 1 });
  });
});
