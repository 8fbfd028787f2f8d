import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { paths } from "../paths.ts";

// The entry page's plain form posts (release it, ask for a translation), which work with
// JavaScript off: which entry they are about, and the way back to it when one fails.

export const entryRef = z.object({ childId: z.uuid(), entryId: z.uuid() });

// On failure, back to the entry saying it did not work (or to not-found, if it is not theirs).
export function backToEntry(formData: FormData): never {
  const ref = entryRef.safeParse(Object.fromEntries(formData));
  redirect(ref.success ? paths.entry(ref.data.childId, ref.data.entryId, { problem: true }) : paths.home());
}
