import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contributionForm, originalForm, replyForm } from "../../lib/contributions/form.ts";
import { dueOnFor } from "../../lib/contributions/send.ts";

const base = () => ({ childId: randomUUID(), submissionKey: randomUUID(), kind: "view", body: "Hello" });

describe("the contribution form's schema", () => {
  it("keeps text as plain text: line breaks kept, other control characters dropped, ends trimmed", () => {
    const parsed = contributionForm.parse({ ...base(), body: "  Line one\r\nLine two\u0007\u202e <b>bold</b> [link](javascript:x) \n" });
    expect(parsed.body).toBe("Line one\nLine two\u202e <b>bold</b> [link](javascript:x)");
  });

  it("allows 5,000 characters (counted as people see them) and refuses one more", () => {
    expect(contributionForm.parse({ ...base(), body: "😀".repeat(5000) }).body).toHaveLength(10000);
    const over = contributionForm.safeParse({ ...base(), body: "a".repeat(5001) });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe("contributions:errors.tooLong");
  });

  it("needs a kind it knows, and reads checkboxes and the intent", () => {
    expect(contributionForm.safeParse({ ...base(), kind: "certificate" }).success).toBe(false);
    const parsed = contributionForm.parse({ ...base(), shareWithFamily: "on", intent: "draft", draftId: "" });
    expect(parsed).toMatchObject({ shareWithFamily: true, shareWithChild: false, intent: "draft", draftId: undefined });
  });

  it("refuses an empty reply and a date that is not one", () => {
    expect(replyForm.safeParse({ childId: randomUUID(), contributionId: randomUUID(), body: " \n " }).success).toBe(false);
    expect(originalForm.safeParse({ childId: randomUUID(), contributionId: randomUUID(), whereabouts: "returned", returnedOn: "2026-02-30" }).success).toBe(false);
  });
});

describe("when an answer is due", () => {
  it.each([
    ["2026-12-01T10:00:00Z", "2026-12-15"], // two weekends
    ["2026-12-18T16:00:00Z", "2027-01-06"], // Christmas, the Boxing Day substitute (28th) and New Year's Day
    ["2026-12-19T23:30:00Z", "2027-01-06"], // sent on a Saturday: counted from Monday as Friday's is
    ["2027-05-27T23:30:00Z", "2027-06-14"], // 00:30 on Friday 28 May in London (summer time); 31 May is a bank holiday
  ])("sent %s → due %s", (sentAt, due) => {
    expect(dueOnFor(new Date(sentAt)).toISOString().slice(0, 10)).toBe(due);
  });
});
