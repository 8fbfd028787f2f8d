import Holidays from "date-holidays";
import { fromDateColumn, toDateColumn, type CivilDate } from "./civil-date.ts";

const DAY_MS = 86_400_000;
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const england = new Holidays("GB", "ENG");
const bankHolidaysByYear = new Map<number, Set<CivilDate>>();

/** The day it is in England at this instant (a request received at 23:30 UTC in summer is tomorrow). */
export function londonDate(instant: Date): CivilDate {
  return londonDay.format(instant);
}

// England's bank holidays, substitute days included (27 and 28 December 2027).
function bankHolidays(year: number): Set<CivilDate> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = new Set(england.getHolidays(year).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

// Civil dates are counted as UTC midnights (as date columns hold them), where every day is 24 hours long.
const toUtc = (date: CivilDate) => toDateColumn(date).getTime();
const fromUtc = (ms: number): CivilDate => fromDateColumn(new Date(ms));
const plusDays = (date: CivilDate, days: number) => fromUtc(toUtc(date) + days * DAY_MS);

/** The day `days` calendar days later (earlier when negative). */
export const addDays = plusDays;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function isWorkingDay(date: CivilDate): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(Number(date.slice(0, 4))).has(date);
}

/** The day itself when it is a working day, otherwise the next one. */
export function nextWorkingDay(date: CivilDate): CivilDate {
  let day = date;
  while (!isWorkingDay(day)) day = plusDays(day, 1);
  return day;
}

/** The nth working day after `date` (the day itself does not count). */
export function addWorkingDays(date: CivilDate, n: number): CivilDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = plusDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to`; negative when `to` has passed. */
export function workingDaysBetween(from: CivilDate, to: CivilDate): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = plusDays(from, 1); day <= to; day = plusDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The same date `months` later, or that month's last day when it has no such date (31 January → 28 or 29 February). */
export function addCalendarMonths(date: CivilDate, months: number): CivilDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target.getTime());
}

/**
 * UK GDPR Art. 12(3): one calendar month (plus any extension in months) after the day a request
 * is received, moved to the next working day when it falls on a weekend or bank holiday.
 */
export function statutoryMonthDue(received: CivilDate, months = 1): CivilDate {
  return nextWorkingDay(addCalendarMonths(received, months));
}

const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
});

/** The instant a day begins in England (23:00 UTC the evening before, in summer time). */
export function londonStartOf(date: CivilDate): Date {
  const utcMidnight = toUtc(date);
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((p) => p.type === type)!.value);
  const p = londonClock.formatToParts(new Date(utcMidnight));
  // London's wall clock at UTC midnight, read back as if it were UTC, is ahead by London's offset.
  const wall = Date.UTC(part(p, "year"), part(p, "month") - 1, part(p, "day"), part(p, "hour"), part(p, "minute"));
  return new Date(utcMidnight - (wall - utcMidnight));
}
