"use server";
import { redirect } from "next/navigation";
import { defineThrottledAction } from "../auth/throttled-action.ts";
import { paths } from "../paths.ts";
import { redeemSetupCode } from "./redeem-setup-code.ts";
import { setupForm } from "./setup-form.ts";

// Before sign-in, like signing in: the code and passwords are never echoed back.
export const setupAction = defineThrottledAction({
  name: "account.setup",
  schema: setupForm,
  failed: "admin:setup.failed",
  async run({ input, db, clock, client }) {
    const result = await redeemSetupCode({ db, clock, client, username: input.username, code: input.code, newPassword: input.newPassword });
    if (!result.ok) return result;
    redirect(paths.setup({ done: "1" }));
  },
});
