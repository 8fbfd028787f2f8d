import { z } from "zod";

// One schema for the sign-in form: the page's server action and the next-auth provider share it.
// Messages are translation keys (namespace:key).
export const signInSchema = z.object({
  username: z.string().trim().min(1, "auth:signIn.usernameRequired").max(100, "auth:signIn.failed"),
  // Counted in characters, as the password rule counts them, so a long non-Latin passphrase that
  // was accepted at account creation is never refused here.
  password: z
    .string()
    .min(1, "auth:signIn.passwordRequired")
    .refine((s) => [...s].length <= 256, "auth:signIn.failed"),
});

export type SignInInput = z.infer<typeof signInSchema>;
