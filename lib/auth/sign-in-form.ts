import { z } from "zod";

// Control characters (C0, DEL, C1) never belong in a username. Refused here, before anything
// reaches the database: PostgreSQL rejects a NUL byte in text with an internal error.
const CONTROL_CHARACTER = /\p{Cc}/u;

// One schema for the sign-in form: the page's server action and the next-auth provider share it.
// Messages are translation keys (namespace:key).
export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, "auth:signIn.usernameRequired")
    .max(100, "auth:signIn.failed")
    .refine((s) => !CONTROL_CHARACTER.test(s), "auth:signIn.usernameInvalid"),
  // Counted in characters, as the password rule counts them, so a long non-Latin passphrase that
  // was accepted at account creation is never refused here.
  password: z
    .string()
    .min(1, "auth:signIn.passwordRequired")
    .refine((s) => [...s].length <= 256, "auth:signIn.failed"),
});

export type SignInInput = z.infer<typeof signInSchema>;
