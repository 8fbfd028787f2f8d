import { describe, expect, it } from "vitest";
import { fileKind } from "../../lib/files/media-kind.ts";
import { formatDateTime, formatFileSize, isolate } from "../../lib/i18n/format.ts";

describe("file sizes in the reader's language", () => {
  it("spells out bytes and uses kB and MB above them", () => {
    expect(formatFileSize(1, "en")).toBe("1 byte");
    expect(formatFileSize(102, "en")).toBe("102 bytes");
    expect(formatFileSize(613, "en")).toBe("613 bytes");
    expect(formatFileSize(12_500, "en")).toBe("12.5 kB");
    expect(formatFileSize(1_200_000, "en")).toBe("1.2 MB");
  });

  it("says bytes in Urdu words", () => {
    expect(formatFileSize(613, "ur")).toBe("613 بائٹس");
    expect(formatFileSize(613, "ur")).not.toMatch(/byte/);
  });
});

describe("file kinds", () => {
  it("names PDFs and pictures, and anything else as a file", () => {
    expect(fileKind("application/pdf")).toBe("pdf");
    expect(["image/png", "image/jpeg", "image/webp"].map(fileKind)).toEqual(["picture", "picture", "picture"]);
    expect(fileKind("image/svg+xml")).toBe("file"); // may hold script: never shown as a picture
    expect(fileKind("text/plain")).toBe("file");
  });
});

describe("times in the reader's language", () => {
  const noon = new Date("2026-05-12T11:00:00Z"); // 12:00 in London (summer time)
  const evening = new Date("2026-12-02T20:30:00Z");

  it("gives Urdu the part of the day in Urdu words, with no Latin AM or PM", () => {
    expect(formatDateTime(noon, "ur")).toBe("12 مئی، 2026 کو 12:00 دوپہر");
    expect(formatDateTime(evening, "ur")).toMatch(/8:30 رات$/);
    expect(formatDateTime(evening, "ur")).not.toMatch(/[A-Za-z]/);
  });

  it("keeps British English on the 24-hour clock", () => {
    expect(formatDateTime(evening, "en")).toBe("2 December 2026 at 20:30");
  });
});

describe("isolating names inside translated sentences", () => {
  it("wraps text in first-strong isolate marks", () => {
    expect(isolate("Jasmine Patel")).toBe("\u2068Jasmine Patel\u2069");
  });
});
