import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// lib/policy/README.md maps each rule to the file that enforces it and the test that proves it.
// A row that names a file or a test that does not exist is a broken promise: this fails on it.

const ROOT = join(import.meta.dirname, "..", "..");
const TABLE = readFileSync(join(ROOT, "lib/policy/README.md"), "utf8");

type Row = { number: string; enforcedIn: string; testFile: string; testName: string };

function rows(): Row[] {
  return TABLE.split("\n")
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
      const proof = /^`([^`]+)` › "(.+)"$/.exec(cells[4] ?? "");
      return { number: cells[0]!, enforcedIn: /^`([^`]+)`$/.exec(cells[3] ?? "")?.[1] ?? "", testFile: proof?.[1] ?? "", testName: proof?.[2] ?? "" };
    });
}

describe("the policy table (lib/policy/README.md)", () => {
  const table = rows();

  it("has its rules numbered 1, 2, 3… with one file and one test each", () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    expect(table.map((row) => row.number)).toEqual(table.map((_, i) => String(i + 1)));
    for (const row of table) {
      expect(row.enforcedIn, `rule ${row.number}: enforced in one file, in backticks`).not.toBe("");
      expect(row.testFile, `rule ${row.number}: proved by \`file\` › "test name"`).not.toBe("");
    }
  });

  it.each(table)("rule $number: the file that enforces it exists", (row) => {
    expect(existsSync(join(ROOT, row.enforcedIn)), row.enforcedIn).toBe(true);
  });

  it.each(table)("rule $number: the test that proves it exists in the file named", (row) => {
    expect(existsSync(join(ROOT, row.testFile)), row.testFile).toBe(true);
    const source = readFileSync(join(ROOT, row.testFile), "utf8");
    const declared = new RegExp(`\\b(it|test|describe)(\\.each\\([^)]*\\))?\\(\\s*["'\`]${escape(row.testName)}`);
    expect(declared.test(source), `"${row.testName}" in ${row.testFile}`).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
