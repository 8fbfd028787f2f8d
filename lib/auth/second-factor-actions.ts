"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, definePublicAction, type ActionState } from "../action/index.ts";
import { paths } from "../paths.ts";
import { clientAddressFrom } from "./client-address.ts";
import { readSessionIdFromCookie } from "./current.ts";
import { trustedBrowserCookieName, trustedBrowserCookieOptions } from "./next-auth.ts";
import {
  acknowledgeRecoveryCodes,
  confirmSecondFactor,
  regenerateRecoveryCodes,
  resetSecondFactor,
  turnOffSecondFactor,
  useRecoveryCode,
  verifySecondFactorCode,
} from "./second-factor/index.ts";
import { noInputSchema, recoveryCodeSchema, resetSecondFactorSchema, secondFactorCodeSchema, setUpCodeSchema, turnOffSchema } from "./second-factor-form.ts";

// The steps after a right password run on a half-way session, which the action wrapper treats as
// no session: they are "public" actions that read the cookie's session themselves, and the
// domain functions accept only a half-way session (or, for set-up, the person's own full one).
async function step() {
  const sessionId = await readSessionIdFromCookie();
  if (!sessionId) redirect(paths.signIn());
  return { sessionId, client: clientAddressFrom(await headers()) };
}

// The session became a full one: every layout (the header's sign-out, the idle warning) renders
// again, not only the page the browser goes to next.
function signedInNow() {
  revalidatePath("/", "layout");
}

// No `keep`: codes are never echoed back into a form.
const verifyRun = definePublicAction({
  name: "auth.second-factor.verify",
  schema: secondFactorCodeSchema,
  async run({ input, db, clock }) {
    const { trustToken } = await verifySecondFactorCode({ db, clock, ...(await step()), code: input.code, trust: input.trust });
    if (trustToken) (await cookies()).set(trustedBrowserCookieName(), trustToken, trustedBrowserCookieOptions());
    signedInNow();
    redirect(paths.home());
  },
});

const recoveryRun = definePublicAction({
  name: "auth.recovery-code.use",
  schema: recoveryCodeSchema,
  async run({ input, db, clock }) {
    await useRecoveryCode({ db, clock, ...(await step()), code: input.code });
    signedInNow();
    redirect(paths.account({ done: "recovery-code" }));
  },
});

const setUpRun = definePublicAction({
  name: "auth.second-factor.set-up",
  schema: setUpCodeSchema,
  async run({ input, db, clock }) {
    await confirmSecondFactor({ db, clock, ...(await step()), code: input.code });
    signedInNow();
    redirect(paths.recoveryCodes());
  },
});

const acknowledgeRun = defineAction({
  name: "auth.recovery-codes.saved",
  schema: noInputSchema,
  async run({ db, actor }) {
    await acknowledgeRecoveryCodes({ db, actor });
    redirect(paths.home());
  },
});

const regenerateRun = defineAction({
  name: "auth.recovery-codes.replace",
  schema: noInputSchema,
  async run({ db, clock, actor }) {
    await regenerateRecoveryCodes({ db, clock, actor });
    redirect(paths.recoveryCodes());
  },
});

const resetRun = defineAction({
  name: "auth.second-factor.reset",
  schema: resetSecondFactorSchema,
  async run({ input, db, clock, actor }) {
    await resetSecondFactor({ db, clock, actor, userId: input.userId });
    redirect(paths.adminSecondFactor(input.userId, { done: "reset" }));
  },
});

// No `keep`: the password is never echoed back.
const turnOffRun = defineAction({
  name: "auth.second-factor.turn-off",
  schema: turnOffSchema,
  async run({ input, db, clock, actor }) {
    await turnOffSecondFactor({ db, clock, actor, currentPassword: input.currentPassword, client: clientAddressFrom(await headers()) });
    redirect(paths.account({ done: "codes-off" }));
  },
});

export async function turnOffSecondFactorAction(prev: ActionState, formData: FormData) {
  return turnOffRun(prev, formData);
}
export async function verifySecondFactorAction(prev: ActionState, formData: FormData) {
  return verifyRun(prev, formData);
}
export async function useRecoveryCodeAction(prev: ActionState, formData: FormData) {
  return recoveryRun(prev, formData);
}
export async function setUpSecondFactorAction(prev: ActionState, formData: FormData) {
  return setUpRun(prev, formData);
}
export async function recoveryCodesSavedAction(prev: ActionState, formData: FormData) {
  return acknowledgeRun(prev, formData);
}
export async function replaceRecoveryCodesAction(prev: ActionState, formData: FormData) {
  return regenerateRun(prev, formData);
}
export async function resetSecondFactorAction(prev: ActionState, formData: FormData) {
  return resetRun(prev, formData);
}
