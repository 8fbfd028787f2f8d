import { z } from "zod";

// Plain text only: line breaks kept, other control characters dropped, Windows line ends unified.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** A schema for text people write: shared by every form that takes some (contributions, corrections). */
export const plainText = (max: number, tooLong: string) =>
  z
    .string()
    .default("")
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim())
    .refine((s) => [...s].length <= max, tooLong);

