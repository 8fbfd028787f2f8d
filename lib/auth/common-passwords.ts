import fs from "node:fs";
import path from "node:path";

// The shipped list of common and breached passwords (source and licence in common-passwords.md).
// Read once per process, on first use, into a Set of lower-case entries.
const LIST_FILE = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");

let loaded: Set<string> | null = null;

function commonPasswords(): Set<string> {
  if (!loaded) {
    const text = fs.readFileSync(/*turbopackIgnore: true*/ LIST_FILE, "utf8");
    loaded = new Set(text.split("\n").map((line) => line.trim().toLowerCase()).filter(Boolean));
  }
  return loaded;
}

/** How many passwords the list holds (for tests and the start-up check). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** True when the password is on the list, ignoring case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}
