import { addCalendarMonths, addDays, daysBetween, londonDate, nextWorkingDay, workingDaysBetween, type CivilDate } from "../calendar/index.ts";

// The statutory clock of a correction request (UK GDPR Art. 12(3)), in one place:
// - due one calendar month after the day it was received (the same date next month, or that
//   month's last day), moved to the next working day in England when it falls on a weekend or
//   a bank holiday;
// - an extension of up to two more months, only while the first month is running;
// - while the council waits for the requester's answer to a question, the clock stops: the days
//   it waited are added before the due day is moved to a working day.

export const MAX_EXTENSION_MONTHS = 2;

export type ClockState = { receivedOn: CivilDate; extendedMonths: number; pausedDays: number; pausedOn: CivilDate | null };

/** The day an answer is due, for a clock that is running (or the day it would be, were it restarted today). */
export function dueOn(state: Omit<ClockState, "pausedOn">): CivilDate {
  const raw = addCalendarMonths(state.receivedOn, 1 + state.extendedMonths);
  return nextWorkingDay(addDays(raw, state.pausedDays));
}

/** The end of the first month, pauses included: extensions must be made by then. */
export function firstMonthEnds(state: Omit<ClockState, "pausedOn">): CivilDate {
  return dueOn({ ...state, extendedMonths: 0 });
}

/** Whether an extension of `months` more is allowed today. */
export function extensionProblem(state: ClockState, months: number, today: CivilDate): "tooLong" | "firstMonthOver" | null {
  if (!Number.isInteger(months) || months < 1 || state.extendedMonths + months > MAX_EXTENSION_MONTHS) return "tooLong";
  if (today > firstMonthEnds({ ...state, pausedDays: state.pausedDays + pausedSoFar(state, today) })) return "firstMonthOver";
  return null;
}

/** Days paused in the pause that is still going on (0 when the clock runs). */
export function pausedSoFar(state: Pick<ClockState, "pausedOn">, today: CivilDate): number {
  return state.pausedOn ? Math.max(0, daysBetween(state.pausedOn, today)) : 0;
}

/** The clock after the requester answered today: the days it waited are added. */
export function resume(state: ClockState, today: CivilDate): { pausedDays: number; dueOn: CivilDate } {
  const pausedDays = state.pausedDays + pausedSoFar(state, today);
  return { pausedDays, dueOn: dueOn({ ...state, pausedDays }) };
}

export type ClockView =
  | { kind: "running"; dueOn: CivilDate; workingDaysLeft: number; overdue: boolean; dueSoon: boolean }
  | { kind: "paused"; since: CivilDate }
  | { kind: "stopped" };

/** What everyone is shown: due day and working days left, paused since when, or nothing once closed. */
export function clockView(state: ClockState & { dueOn: CivilDate; closed: boolean }, today: CivilDate): ClockView {
  if (state.closed) return { kind: "stopped" };
  if (state.pausedOn) return { kind: "paused", since: state.pausedOn };
  const left = workingDaysBetween(today, state.dueOn);
  // "Due within 7 days" in calendar days, as managers count a week.
  return { kind: "running", dueOn: state.dueOn, workingDaysLeft: left, overdue: today > state.dueOn, dueSoon: today <= state.dueOn && daysBetween(today, state.dueOn) <= 7 };
}

export function receivedOn(at: Date): CivilDate {
  return londonDate(at);
}
