"use server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { defineAction, definePublicAction } from "../action/index.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/index.ts";
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

type HalfWayStep<S extends z.ZodType> = {
  name: string;
  schema: S;
  /** Runs the step on the cookie's session; answers where the now signed-in person goes. */
  run(ctx: { input: z.infer<S>; db: Db; clock: Clock; step: { sessionId: string; client: string } }): Promise<string>;
};

// The steps after a right password run on a half-way session, which the action wrapper treats as
// no session: they are "public" actions that read the cookie's session themselves, and the
// domain functions accept only a half-way session (or, for set-up, the person's own full one).
// No `keep`: codes are never echoed back into a form.
function defineHalfWayStep<S extends z.ZodType>(opts: HalfWayStep<S>) {
  return definePublicAction({
    name: opts.name,
    schema: opts.schema,
    async run({ input, db, clock }) {
      const sessionId = await readSessionIdFromCookie();
      if (!sessionId) redirect(paths.signIn());
      const next = await opts.run({ input, db, clock, step: { sessionId, client: clientAddressFrom(await headers()) } });
      // The session became a full one: every layout (the header's sign-out, the idle warning)
      // renders again, not only the page the browser goes to next.
      revalidatePath("/", "layout");
      redirect(next);
    },
  });
}

export const verifySecondFactorAction = defineHalfWayStep({
  name: "auth.second-factor.verify",
  schema: secondFactorCodeSchema,
  async run({ input, db, clock, step }) {
    const { trustToken } = await verifySecondFactorCode({ db, clock, ...step, code: input.code, trust: input.trust });
    if (trustToken) (await cookies()).set(trustedBrowserCookieName(), trustToken, trustedBrowserCookieOptions());
    return paths.home();
  },
});

export const useRecoveryCodeAction = defineHalfWayStep({
  name: "auth.recovery-code.use",
  schema: recoveryCodeSchema,
  async run({ input, db, clock, step }) {
    await useRecoveryCode({ db, clock, ...step, code: input.code });
    return paths.account({ done: "recovery-code" });
  },
});

export const setUpSecondFactorAction = defineHalfWayStep({
  name: "auth.second-factor.set-up",
  schema: setUpCodeSchema,
  async run({ input, db, clock, step }) {
    await confirmSecondFactor({ db, clock, ...step, code: input.code });
    return paths.recoveryCodes();
  },
});

export const recoveryCodesSavedAction = defineAction({
  name: "auth.recovery-codes.saved",
  schema: noInputSchema,
  async run({ db, actor }) {
    await acknowledgeRecoveryCodes({ db, actor });
    redirect(paths.home());
  },
});

export const replaceRecoveryCodesAction = defineAction({
  name: "auth.recovery-codes.replace",
  schema: noInputSchema,
  async run({ db, clock, actor }) {
    await regenerateRecoveryCodes({ db, clock, actor });
    redirect(paths.recoveryCodes());
  },
});

export const resetSecondFactorAction = defineAction({
  name: "auth.second-factor.reset",
  schema: resetSecondFactorSchema,
  async run({ input, db, clock, actor }) {
    await resetSecondFactor({ db, clock, actor, userId: input.userId });
    redirect(paths.adminSecondFactor(input.userId, { done: "reset" }));
  },
});

// No `keep`: the password is never echoed back.
export const turnOffSecondFactorAction = defineAction({
  name: "auth.second-factor.turn-off",
  schema: turnOffSchema,
  async run({ input, db, clock, actor }) {
    await turnOffSecondFactor({ db, clock, actor, currentPassword: input.currentPassword, client: clientAddressFrom(await headers()) });
    redirect(paths.account({ done: "codes-off" }));
  },
});
