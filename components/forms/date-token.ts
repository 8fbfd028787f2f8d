// Stands for the chosen day in a confirmation's words (ConfirmForm's `dated.text`), shared by the
// server that writes the words and the browser that puts the day in. Invisible separators, so it
// can never be typed or translated by accident.
export const DATE_TOKEN = "\u2063DATE\u2063";

/** A "YYYY-MM-DD" that is a real day, else null. */
export function realDay(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}
