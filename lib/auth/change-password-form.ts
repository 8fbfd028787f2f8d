import { z } from "zod";

// Counted in characters, as the password rule counts them (lib/auth/password.ts MAX_LENGTH).
const MAX = 256;
const notTooLong = (s: string) => [...s].length <= MAX;

// One schema for "Change my password": the form's resolver in the browser and the server action
// share it. The rule about length, the common list and the username needs the account, so the
// server applies it (lib/auth/change-password.ts). Messages are translation keys.
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "account:password.currentRequired").refine(notTooLong, "account:password.wrongCurrent"),
    newPassword: z.string().min(1, "account:password.newRequired").refine(notTooLong, "account:password.tooLong"),
    confirmPassword: z.string().min(1, "account:password.confirmRequired"),
  })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ["confirmPassword"], message: "account:password.mismatch" });

export type ChangePasswordForm = z.infer<typeof changePasswordSchema>;
