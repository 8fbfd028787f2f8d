// The one clock for statutory time limits: days as they fall in England (Europe/London), working
// days without weekends and England's bank holidays (date-holidays), and calendar months. Dates
// are civil dates, "YYYY-MM-DD" strings, so no time zone arithmetic can shift them by a day.
export { fromDateColumn, toDateColumn, type CivilDate } from "./civil-date.ts";
export {
  addCalendarMonths,
  addDays,
  daysBetween,
  addWorkingDays,
  isWorkingDay,
  londonDate,
  londonStartOf,
  nextWorkingDay,
  statutoryMonthDue,
  workingDaysBetween,
} from "./working-days.ts";
