"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "../action/index.ts";
import { paths } from "../paths.ts";
import { changePassword } from "./change-password.ts";
import { changePasswordSchema } from "./change-password-form.ts";
import { clientAddressFrom } from "./client-address.ts";

// No `keep`: passwords are never echoed back into a form.
export const changePasswordAction = defineAction({
  name: "auth.password.change",
  schema: changePasswordSchema,
  async run({ input, actor, db, clock }) {
    const client = clientAddressFrom(await headers());
    await changePassword({ db, clock, actor, currentPassword: input.currentPassword, newPassword: input.newPassword, client });
    redirect(paths.account({ done: "password" }));
  },
});
