// Recording policy: an entry written more than 24 hours after the event is a Late Entry.
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between the event and the writing, when the entry is late; otherwise null. */
export function lateByDays(occurredAt: Date, recordedAt: Date): number | null {
  const gap = recordedAt.getTime() - occurredAt.getTime();
  return gap > DAY_MS ? Math.floor(gap / DAY_MS) : null;
}
