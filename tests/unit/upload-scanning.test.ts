import { afterEach, describe, expect, it, vi } from "vitest";
import { checkUpload, ScannerNotConfigured, scanningFor, scanningWarning } from "../../lib/uploads/index.ts";
import { pdf } from "../helpers/upload-files.ts";

// Without a virus scanner, what happens to uploads is a decision: refused on PostgreSQL unless
// CLAMAV_URL=off, accepted unscanned on the embedded demo; unscanned is always warned about.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** lib/uploads as a fresh process would load it with these variables (env is parsed once). */
async function uploadsWith(variables: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("../../lib/uploads/index.ts");
}

describe("the rule", () => {
  it("scans when CLAMAV_URL names clamd, on either database, with no warning", () => {
    for (const database of ["postgres", "pglite"] as const) {
      const scanning = scanningFor("tcp://127.0.0.1:3310", database);
      expect(scanning.mode).toBe("scan");
      expect(scanningWarning(scanning)).toBeNull();
    }
  });

  it("refuses files on PostgreSQL without CLAMAV_URL, and nothing is checked further", async () => {
    const scanning = scanningFor(undefined, "postgres");
    expect(scanningWarning(scanning)).toBe("missing");
    const error = await checkUpload({ name: "award.pdf", bytes: pdf() }, { scanning }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScannerNotConfigured);
    expect((error as ScannerNotConfigured).messageKey).toBe("upload.noScanner");
  });

  it("accepts files unscanned with CLAMAV_URL=off, and on the embedded demo, with a warning", async () => {
    for (const [scanning, warning] of [
      [scanningFor("off", "postgres"), "off"],
      [scanningFor("off", "pglite"), "off"],
      [scanningFor(undefined, "pglite"), "embedded"],
    ] as const) {
      expect(scanningWarning(scanning)).toBe(warning);
      const copy = await checkUpload({ name: "award.pdf", bytes: pdf() }, { scanning });
      expect(copy.mediaType).toBe("application/pdf");
    }
  });
});

describe("from the environment", () => {
  it("on PostgreSQL without CLAMAV_URL, refuses files and warns", async () => {
    const uploads = await uploadsWith({ DATABASE_URL: "postgresql://app@db.example/portal", CLAMAV_URL: undefined });
    expect(uploads.scanningWarning()).toBe("missing");
    await expect(uploads.checkUpload({ name: "award.pdf", bytes: pdf() })).rejects.toBeInstanceOf(uploads.ScannerNotConfigured);
  });

  it("on PostgreSQL with CLAMAV_URL=off (or ' off ' or 'off' in an env file), accepts files and warns", async () => {
    const uploads = await uploadsWith({ DATABASE_URL: "postgresql://app@db.example/portal", CLAMAV_URL: " off " });
    expect(uploads.scanningWarning()).toBe("off");
    expect((await uploads.checkUpload({ name: "award.pdf", bytes: pdf() })).fileName).toBe("award.pdf");
  });

  it("on the embedded database without CLAMAV_URL, accepts files and warns", async () => {
    const uploads = await uploadsWith({ DATABASE_URL: undefined, CLAMAV_URL: "" });
    expect(uploads.scanningWarning()).toBe("embedded");
    expect((await uploads.checkUpload({ name: "award.pdf", bytes: pdf() })).fileName).toBe("award.pdf");
  });

  it("still refuses to start on a CLAMAV_URL that is neither clamd nor off", async () => {
    await expect(uploadsWith({ CLAMAV_URL: "of" })).rejects.toThrow(/CLAMAV_URL: .*or off/);
  });
});
