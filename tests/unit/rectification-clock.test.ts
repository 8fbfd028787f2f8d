import { describe, expect, it } from "vitest";
import { clockView, dueOn, extensionProblem, resume } from "../../lib/rectification/clock.ts";

const running = (receivedOn: string, extendedMonths = 0, pausedDays = 0) => ({ receivedOn, extendedMonths, pausedDays, pausedOn: null });

describe("a correction request's due day", () => {
  it.each([
    ["2027-01-31", "2027-03-01"], // 28 February 2027 is a Sunday: Monday 1 March
    ["2028-01-31", "2028-02-29"], // a leap year: Tuesday 29 February
    ["2026-01-31", "2026-03-02"], // 28 February 2026 is a Saturday: Monday 2 March
    ["2027-04-30", "2027-06-01"], // Sunday 30 May, then the spring bank holiday: Tuesday 1 June
    ["2026-11-25", "2026-12-29"], // Christmas Day, the weekend and the Boxing Day substitute: Tuesday 29 December
    ["2026-12-02", "2027-01-04"], // Saturday 2 January 2027: Monday 4 January
  ])("received %s → due %s", (received, due) => {
    expect(dueOn(running(received))).toBe(due);
  });

  it("moves by whole calendar months when extended, from the day it was received", () => {
    expect(dueOn(running("2027-01-31", 1))).toBe("2027-03-31");
    expect(dueOn(running("2027-01-31", 2))).toBe("2027-04-30");
  });

  it("allows an extension of up to two months, and only while the first month runs", () => {
    const state = running("2026-11-25");
    expect(extensionProblem(state, 1, "2026-12-29")).toBeNull(); // the last day of the first month
    expect(extensionProblem(state, 2, "2026-12-01")).toBeNull();
    expect(extensionProblem(state, 3, "2026-12-01")).toBe("tooLong");
    expect(extensionProblem({ ...state, extendedMonths: 2 }, 1, "2026-12-01")).toBe("tooLong");
    expect(extensionProblem(state, 0, "2026-12-01")).toBe("tooLong");
    expect(extensionProblem(state, 1, "2026-12-30")).toBe("firstMonthOver");
  });

  it("pauses while waiting for the requester and adds the days it waited when they answer", () => {
    // Received Wednesday 2 December 2026, due Monday 4 January; a question on 10 December
    // answered on 17 December: seven days paused, 2 January + 7 = Saturday 9th → Monday 11 January.
    const paused = { ...running("2026-12-02"), pausedOn: "2026-12-10" };
    expect(clockView({ ...paused, dueOn: "2027-01-04", closed: false }, "2026-12-15")).toEqual({ kind: "paused", since: "2026-12-10" });
    expect(resume(paused, "2026-12-17")).toEqual({ pausedDays: 7, dueOn: "2027-01-11" });
    // The first month stretches with the pause: an extension on 8 January is still in time.
    expect(extensionProblem(paused, 1, "2027-01-08")).toBeNull();
  });

  it("shows working days left, due soon within 7 days, and overdue after the due day", () => {
    const state = { ...running("2026-12-02"), dueOn: "2027-01-04", closed: false };
    // The issue's own example: "due Monday 4 January 2027, 12 working days left".
    expect(clockView(state, "2026-12-14")).toMatchObject({ kind: "running", workingDaysLeft: 12, overdue: false, dueSoon: false });
    expect(clockView(state, "2026-12-29")).toMatchObject({ workingDaysLeft: 3, dueSoon: true, overdue: false });
    expect(clockView(state, "2027-01-05")).toMatchObject({ overdue: true, dueSoon: false });
    expect(clockView({ ...state, closed: true }, "2027-01-05")).toEqual({ kind: "stopped" });
  });
});
