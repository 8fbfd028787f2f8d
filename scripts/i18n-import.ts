// `npm run i18n:import -- FILE [--reviewed]`: a returned XLIFF 2.0 or CSV file into
// locales/<lang>/*.json. Any problem refuses the whole file: each is listed by key, nothing is
// written, and the exit status is 1. --reviewed records that a native speaker reviewed every
// translation in the file (otherwise only units with state="final" or status "reviewed").
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importStrings } from "../lib/i18n/kit/import-strings.ts";

const localesDir = path.join(import.meta.dirname, "..", "locales");
const { values, positionals } = parseArgs({ allowPositionals: true, options: { reviewed: { type: "boolean", default: false } } });

if (positionals.length !== 1) {
  console.error("Usage: npm run i18n:import -- FILE [--reviewed]");
  process.exit(2);
}
if (!fs.existsSync(positionals[0])) {
  console.error(`No such file: ${positionals[0]}`);
  process.exit(1);
}
const report = importStrings(localesDir, fs.readFileSync(positionals[0], "utf8"), { reviewed: values.reviewed });
if (!report.ok) {
  console.error(`Nothing was imported: ${report.problems.length} problem(s) in ${positionals[0]}.`);
  for (const problem of report.problems) console.error(`  ${problem}`);
  process.exit(1);
}
const files = report.namespacesWritten.map((ns) => `locales/${report.lang}/${ns}.json`).join(", ") || "none";
console.log(`${report.lang}: ${report.read} translation(s) read, ${report.changed} changed, ${report.reviewed} marked reviewed. Files written: ${files}.`);
