// `npm run i18n:export -- --lang pl [--format csv] [--out FILE] [--all]`: the strings of one
// language to translate or re-check (missing, English changed since review, not yet reviewed by a
// native speaker), or every string with --all, as XLIFF 2.0 (default) or CSV, to stdout or FILE.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportStrings, type ExportFormat } from "../lib/i18n/kit/export-strings.ts";

const localesDir = path.join(import.meta.dirname, "..", "locales");
const { values } = parseArgs({
  options: { lang: { type: "string" }, format: { type: "string", default: "xliff" }, out: { type: "string" }, all: { type: "boolean", default: false } },
});

if (!values.lang || (values.format !== "xliff" && values.format !== "csv")) {
  console.error("Usage: npm run i18n:export -- --lang <language> [--format xliff|csv] [--out FILE] [--all]");
  process.exit(2);
}
process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? 0 : 1)); // `| head` closing early is no failure
try {
  const text = exportStrings(localesDir, values.lang, { format: values.format as ExportFormat, all: values.all });
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
