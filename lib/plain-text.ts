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


/**
 * Text shortened for a title or a preview: whole when it fits, else cut at the last word boundary
 * that fits and marked with "…", so a cut never reads as the whole ("told the worker 20." must not
 * become "told the worker"). Counts characters, not UTF-16 units, so Urdu and emoji are never split.
 * The one place text is shortened for display: titles of tasks and entries, previews of messages.
 */
export function clipText(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  if (chars.length <= max) return line;
  const room = chars.slice(0, max - 1).join("");
  const space = room.lastIndexOf(" ");
  // One long word (a link, a run without spaces) is cut where it must be rather than left empty.
  const cut = space >= room.length / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
