import { z } from "zod";

// The second factor's forms: one schema each, shared by the form's resolver and the server action.
// Messages are translation keys. Spaces in a code (apps show "123 456") do not matter.
const appCode = (wrong: string) =>
  z
    .string()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().min(1, "security:code.required").regex(/^\d{6}$/, wrong));

export const secondFactorCodeSchema = z.object({
  code: appCode("security:code.format"),
  // The "trust this browser" checkbox, unticked unless chosen: "yes" from a form post, true or
  // false from react-hook-form.
  trust: z.union([z.literal("yes"), z.boolean()]).optional().transform((v) => v === "yes" || v === true),
});

export const setUpCodeSchema = z.object({ code: appCode("security:code.format") });

export const recoveryCodeSchema = z.object({
  code: z.string().trim().min(1, "security:recovery.required").max(40, "security:recovery.wrong"),
});

export const resetSecondFactorSchema = z.object({ userId: z.uuid() });

export const noInputSchema = z.object({});

export const turnOffSchema = z.object({ currentPassword: z.string().min(1, "account:password.currentRequired").max(1000, "account:password.wrongCurrent") });
