import { z } from "zod";

// "Set up your account": the set-up code an administrator gave, and the password the person
// chooses. One schema for the browser and the server; the password rule needs the account, so
// the server applies it. Messages are keys in the "admin" texts.
const MAX = 256;
const CONTROL_CHARACTER = /\p{Cc}/u;

export const setupForm = z
  .object({
    username: z.string().trim().min(1, "admin:setup.usernameNeeded").max(100, "admin:setup.failed").refine((s) => !CONTROL_CHARACTER.test(s), "admin:setup.failed"),
    code: z.string().trim().min(1, "admin:setup.codeNeeded").max(40, "admin:setup.failed"),
    newPassword: z.string().min(1, "account:password.newRequired").refine((s) => [...s].length <= MAX, "account:password.tooLong"),
    confirmPassword: z.string().min(1, "account:password.confirmRequired"),
  })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ["confirmPassword"], message: "account:password.mismatch" });

export type SetupForm = z.infer<typeof setupForm>;
