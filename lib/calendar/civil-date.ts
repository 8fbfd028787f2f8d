// A day as a civil date, "YYYY-MM-DD", and the one way to cross between it and a PostgreSQL `date`
// column. Nothing here reads a time zone or a holiday table, so forms in the browser use it too.

/** A day in England, "YYYY-MM-DD". */
export type CivilDate = string;

/**
 * A date column (PostgreSQL `date`, read back as midnight UTC) as the civil date it holds, and a
 * civil date as the value to write to one. Not for instants: those go through londonDate.
 */
export const fromDateColumn = (stored: Date): CivilDate => stored.toISOString().slice(0, 10);
export const toDateColumn = (date: CivilDate): Date => new Date(`${date}T00:00:00Z`);

/** A "YYYY-MM-DD" that is a real day (not 30 February), else null. */
export function realDay(value: unknown): CivilDate | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const stored = toDateColumn(value);
  return !Number.isNaN(stored.getTime()) && fromDateColumn(stored) === value ? value : null;
}
