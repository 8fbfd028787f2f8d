// `npm run i18n:status [-- --all]`: each language's review state as a Markdown table (the one in
// the README). Lists the languages offered and those being prepared that have files; --all lists
// every language being prepared.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isOffered, TARGET_LANGUAGES } from "../lib/i18n/kit/languages.ts";
import { statusTable, summariseLanguage } from "../lib/i18n/kit/status.ts";

const localesDir = path.join(import.meta.dirname, "..", "locales");
const { values } = parseArgs({ options: { all: { type: "boolean", default: false } } });
const languages = TARGET_LANGUAGES.filter((l) => values.all || isOffered(l) || fs.existsSync(path.join(localesDir, l)));
console.log(statusTable(languages.map((l) => summariseLanguage(localesDir, l))));
