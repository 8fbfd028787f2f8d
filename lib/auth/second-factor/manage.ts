import type { Db } from "../../db/connect.ts";
import type { Clock } from "../../clock.ts";
import type { Actor } from "../../access/index.ts";
import { appendAudit } from "../../audit/index.ts";
import { NotFound } from "../../errors/index.ts";
import { checkCurrentPassword } from "../change-password.ts";
import { revokeUserSessions } from "../session-end.ts";
import { secondFactorRequired } from "./policy.ts";
import { codesWaiting, replaceRecoveryCodes } from "./recovery-codes.ts";

type Ctx = { db: Db; clock: Clock; actor: Actor };

/** For the account page: whether the factor is on, whether it must be, and recovery codes left. */
export async function secondFactorSummary(db: Db, actor: Actor) {
  const [factor, codesLeft] = await Promise.all([
    db.secondFactor.findUnique({ where: { userId: actor.userId }, select: { enabledAt: true } }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return { enabled: Boolean(factor?.enabledAt), required: secondFactorRequired(actor.role), codesLeft };
}

/** New recovery codes waiting to be shown to this person, or null. */
export async function recoveryCodesToShow(db: Db, actor: Actor): Promise<string[] | null> {
  return codesWaiting(await db.secondFactor.findUnique({ where: { userId: actor.userId }, select: { codesToShow: true } }));
}

/** "I have saved my codes": they are never shown again. */
export async function acknowledgeRecoveryCodes({ db, actor }: Omit<Ctx, "clock">): Promise<void> {
  await db.secondFactor.updateMany({ where: { userId: actor.userId }, data: { codesToShow: null } });
}

/** New recovery codes; the old ones stop working. Counts only in the audit row. */
export async function regenerateRecoveryCodes({ db, clock, actor }: Ctx): Promise<void> {
  await db.$transaction(async (tx) => {
    const factor = await tx.secondFactor.findUnique({ where: { userId: actor.userId }, select: { enabledAt: true } });
    if (!factor?.enabledAt) throw new NotFound("No second factor");
    const at = clock.now();
    const codes = await replaceRecoveryCodes(tx, actor.userId, at);
    await appendAudit(tx, { actor, action: "auth.recovery-codes.replaced", subjectType: "user", subjectId: actor.userId, detail: { count: codes.length }, at });
  });
}

/**
 * A family member turns their security codes off again, after typing their password (checked
 * and throttled as when changing it). Staff cannot: for them codes are not a choice. The secret
 * and recovery codes go; trusted browsers stop counting, since they named the old secret.
 */
export async function turnOffSecondFactor(input: Ctx & { currentPassword: string; client?: string }): Promise<void> {
  const { db, clock, actor } = input;
  if (secondFactorRequired(actor.role)) throw new NotFound("Security codes are required");
  await checkCurrentPassword(input);
  await db.$transaction(async (tx) => {
    const at = clock.now();
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    const { count } = await tx.secondFactor.deleteMany({ where: { userId: actor.userId } });
    if (count === 0) throw new NotFound("No second factor");
    await appendAudit(tx, { actor, action: "auth.second-factor.turned-off", subjectType: "user", subjectId: actor.userId, detail: {}, at });
  });
}

/**
 * An admin resets a lost factor: the app's secret and recovery codes go, every session of that
 * person ends (so does every trusted browser: its fingerprint named the old secret), and they
 * set up again at their next sign-in. Anyone but an admin is refused as if the account did not
 * exist. Audited with ids and counts only.
 */
export async function resetSecondFactor({ db, clock, actor, userId }: Ctx & { userId: string }): Promise<{ sessionsEnded: number }> {
  if (actor.role !== "admin") throw new NotFound("No such account");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFound("No such account");
    const at = clock.now();
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const { count: factors } = await tx.secondFactor.deleteMany({ where: { userId } });
    const sessionsEnded = await revokeUserSessions(tx, { userId, at, reason: "second-factor-reset" });
    await appendAudit(tx, { actor, action: "auth.second-factor.reset", subjectType: "user", subjectId: userId, detail: { hadFactor: factors > 0, sessionsEnded }, at });
    return { sessionsEnded };
  });
}

/** The admin's reset page: the account's name and whether it has a factor; admins only. */
export async function loadSecondFactorAccount({ db, actor, userId }: Omit<Ctx, "clock"> & { userId: string }) {
  if (actor.role !== "admin") throw new NotFound("No such account");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, username: true, role: true, secondFactor: { select: { enabledAt: true } } },
  });
  if (!user) throw new NotFound("No such account");
  return { userId: user.id, displayName: user.displayName, username: user.username, role: user.role, enabled: Boolean(user.secondFactor?.enabledAt) };
}
