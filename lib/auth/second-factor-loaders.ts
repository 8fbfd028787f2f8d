import "server-only";
import { notFound, redirect } from "next/navigation";
import { systemClock } from "../clock.ts";
import { getDb } from "../db/index.ts";
import { NotFound } from "../errors/index.ts";
import { paths } from "../paths.ts";
import { getCurrentSession, getHalfWaySession, requireSession } from "./current.ts";
import {
  groupedSecret,
  loadSecondFactorAccount,
  recoveryCodesToShow,
  secondFactorRequired,
  secondFactorSummary,
  secretToSetUp,
  setUpQrCode,
} from "./second-factor/index.ts";

/** The code (or recovery code) step: only a half-way session whose person has a factor. */
export async function loadCodeStep(): Promise<void> {
  const halfWay = await getHalfWaySession();
  if (!halfWay) redirect((await getCurrentSession()) ? paths.home() : paths.signIn());
  if (!halfWay.hasFactor) redirect(paths.secondFactorSetUp());
}

/**
 * The set-up page: staff at a half-way sign-in without a factor, or anyone signed in without one
 * (families, from their account page). The QR code is drawn here, on the server.
 */
export async function loadSetUp() {
  const [full, halfWay] = await Promise.all([getCurrentSession(), getHalfWaySession()]);
  const user = full?.user ?? halfWay?.user;
  if (!user) redirect(paths.signIn());
  if (halfWay?.hasFactor) redirect(paths.secondFactorCode());
  const db = await getDb();
  const secret = await secretToSetUp({ db, clock: systemClock, userId: user.id });
  if (!secret) redirect(paths.account());
  const { username } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { username: true } });
  return { qrCode: await setUpQrCode(secret, username), key: groupedSecret(secret), staff: secondFactorRequired(user.role), halfWay: !full };
}

/** New recovery codes to show once, or (none waiting) the page that makes new ones. */
export async function loadRecoveryCodes() {
  const { actor } = await requireSession();
  const db = await getDb();
  const [codes, summary] = await Promise.all([recoveryCodesToShow(db, actor), secondFactorSummary(db, actor)]);
  if (!codes && !summary.enabled) redirect(paths.account());
  return { codes };
}

/** The account page's section on security codes. */
export async function loadSecondFactorSummary() {
  const { actor } = await requireSession();
  return secondFactorSummary(await getDb(), actor);
}

/** The admin's reset page: admins only; anyone else (and an unknown id) gets "not found". */
export async function loadAdminSecondFactor(userId: string) {
  const { actor } = await requireSession();
  try {
    return await loadSecondFactorAccount({ db: await getDb(), actor, userId });
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}
