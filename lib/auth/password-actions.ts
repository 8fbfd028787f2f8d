"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, type ActionState } from "../action/index.ts";
import { paths } from "../paths.ts";
import { changePassword } from "./change-password.ts";
import { changePasswordSchema } from "./change-password-form.ts";
import { clientAddressFrom } from "./client-address.ts";

// No `keep`: passwords are never echoed back into a form.
const changePasswordRun = defineAction({
  name: "auth.password.change",
  schema: changePasswordSchema,
  async run({ input, actor, db, clock }) {
    const client = clientAddressFrom(await headers());
    await changePassword({ db, clock, actor, currentPassword: input.currentPassword, newPassword: input.newPassword, client });
    redirect(paths.account({ done: "password" }));
  },
});

export async function changePasswordAction(prev: ActionState, formData: FormData) {
  return changePasswordRun(prev, formData);
}
