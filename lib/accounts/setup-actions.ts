"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { definePublicAction, type ActionState } from "../action/index.ts";
import { clientAddressFrom, retryWait } from "../auth/index.ts";
import { getT } from "../i18n/server.ts";
import { paths } from "../paths.ts";
import { redeemSetupCode } from "./redeem-setup-code.ts";
import { setupForm } from "./setup-form.ts";

// Before sign-in, like signing in: the code and passwords are never echoed back.
const setupRun = definePublicAction({
  name: "account.setup",
  schema: setupForm,
  keep: ["username"],
  async run({ input, db, clock }) {
    const client = clientAddressFrom(await headers());
    const result = await redeemSetupCode({ db, clock, client, username: input.username, code: input.code, newPassword: input.newPassword });
    if (!result.ok) {
      const [t, ta] = await Promise.all([getT("admin"), getT("auth")]);
      const wait = result.reason === "throttled" ? retryWait(result.retryAt, clock.now()) : null;
      return { ok: false, formError: wait ? ta(wait.key, { count: wait.count }) : t("setup.failed"), values: { username: input.username } };
    }
    redirect(paths.setup({ done: "1" }));
  },
});

export async function setupAction(prev: ActionState, formData: FormData) {
  return setupRun(prev, formData);
}
