import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  addWorkingDays,
  isWorkingDay,
  londonDate,
  londonStartOf,
  nextWorkingDay,
  statutoryMonthDue,
  workingDaysBetween,
} from "../../lib/calendar/index.ts";

describe("the statutory clock", () => {
  it("counts days as they fall in England, summer time included", () => {
    expect(londonDate(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02"); // 00:30 BST
    expect(londonDate(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01"); // 23:30 GMT
  });

  it("says when a day begins in England: midnight GMT in winter, 23:00 UTC the evening before in summer", () => {
    expect(londonStartOf("2027-01-15").toISOString()).toBe("2027-01-15T00:00:00.000Z");
    expect(londonStartOf("2027-07-01").toISOString()).toBe("2027-06-30T23:00:00.000Z");
    // The days the clocks change: the change happens at 01:00 UTC, after midnight.
    expect(londonStartOf("2027-03-28").toISOString()).toBe("2027-03-28T00:00:00.000Z");
    expect(londonStartOf("2027-10-31").toISOString()).toBe("2027-10-30T23:00:00.000Z");
  });

  it("knows weekends and England's bank holidays, substitute days included", () => {
    expect(isWorkingDay("2026-12-02")).toBe(true); // a Wednesday
    expect(isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-25")).toBe(false);
    expect(isWorkingDay("2026-12-28")).toBe(false); // Boxing Day falls on a Saturday: substitute Monday
    expect(isWorkingDay("2027-12-27")).toBe(false);
    expect(isWorkingDay("2027-12-28")).toBe(false);
    expect(isWorkingDay("2027-12-29")).toBe(true);
    expect(isWorkingDay("2027-03-29")).toBe(false); // Easter Monday
  });

  it("gives 10 working days after a request, stepping over Christmas", () => {
    expect(addWorkingDays("2026-12-02", 10)).toBe("2026-12-16");
    expect(addWorkingDays("2026-12-18", 10)).toBe("2027-01-06"); // 25, 28 Dec and 1 Jan are holidays
    expect(addWorkingDays("2026-12-05", 1)).toBe("2026-12-07"); // received on a Saturday
  });

  it("counts working days left, and how many have passed", () => {
    expect(workingDaysBetween("2026-12-02", "2026-12-16")).toBe(10);
    expect(workingDaysBetween("2026-12-16", "2026-12-16")).toBe(0);
    expect(workingDaysBetween("2026-12-17", "2026-12-16")).toBe(-1);
  });

  it("adds calendar months, ending on the month's last day when it has no such date", () => {
    expect(addCalendarMonths("2026-12-02", 1)).toBe("2027-01-02");
    expect(addCalendarMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addCalendarMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("moves a statutory due date off a weekend or bank holiday", () => {
    expect(statutoryMonthDue("2026-12-02")).toBe("2027-01-04"); // 2 January 2027 is a Saturday
    expect(statutoryMonthDue("2026-11-25")).toBe("2026-12-29"); // 25 Dec, weekend, 28 Dec substitute
    expect(statutoryMonthDue("2027-01-31")).toBe("2027-03-01"); // 28 February 2027 is a Sunday
    expect(statutoryMonthDue("2026-12-02", 3)).toBe("2027-03-02"); // extended by two more months
    expect(nextWorkingDay("2026-12-02")).toBe("2026-12-02");
  });
});
