import { describe, expect, it } from "vitest";
import { fileKind } from "../../lib/files/media-kind.ts";
import { LOCALES } from "../../lib/i18n/config.ts";
import { formatDate, formatDateTime, formatDay, formatFileSize, isolate } from "../../lib/i18n/format.ts";

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

  it("gives Gujarati the part of the day in Gujarati words, with no Latin AM or PM", () => {
    expect(formatDateTime(noon, "gu")).toBe("12 મે, 2026 12:00 બપોરે");
    expect(formatDateTime(evening, "gu")).not.toMatch(/[A-Za-z]/);
  });

  it("says dates in Polish, Romanian and Arabic in their own words and order, on the 24-hour clock where they use it", () => {
    expect(formatDateTime(evening, "pl")).toBe("2 grudnia 2026 20:30");
    expect(formatDateTime(evening, "ro")).toBe("2 decembrie 2026 la 20:30");
    expect(formatDateTime(evening, "ar")).toBe("2 ديسمبر 2026 في 8:30 م");
    expect(formatDay("2027-01-04", "pl")).toBe("poniedziałek, 4 stycznia 2027");
    expect(formatDay("2027-01-04", "ro")).toBe("luni, 4 ianuarie 2027");
  });

  // Every translation writes its numbers, and "{{count}}", in 0-9: a date beside them does too.
  it("writes every language's dates and sizes in the digits 0-9", () => {
    const otherDigits = /[\u0660-\u0669\u06f0-\u06f9\u0ae6-\u0aef]/; // Arabic-Indic, Eastern Arabic-Indic, Gujarati
    for (const locale of LOCALES) {
      for (const text of [formatDate(evening, locale), formatDateTime(noon, locale), formatDay("2027-01-04", locale), formatFileSize(12_500, locale)]) {
        expect(text, locale).toMatch(/\d/);
        expect(text, locale).not.toMatch(otherDigits);
      }
    }
  });

  it("uses each language's decimal mark", () => {
    expect(formatFileSize(12_500, "pl")).toBe("12,5 kB");
    expect(formatFileSize(12_500, "ro")).toBe("12,5 kB");
    expect(formatFileSize(613, "pl")).toBe("613 bajtów");
  });
});

describe("isolating names inside translated sentences", () => {
  it("wraps text in first-strong isolate marks", () => {
    expect(isolate("Jasmine Patel")).toBe("\u2068Jasmine Patel\u2069");
  });
});
