// The CSV a translator opens in a spreadsheet: one row a string, columns key, en (the English),
// <lang> (the translation: fill in or correct), status, context. It starts with a byte-order mark
// so spreadsheet programs read it as UTF-8 (Urdu, Arabic, Gujarati, Polish letters).
import { CsvError, formatCsv, parseCsv } from "./csv.ts";
import type { Incoming, IncomingUnit, Outgoing } from "./exchange.ts";
import { SOURCE_LANGUAGE } from "./languages.ts";
import { STATUSES } from "./review-state.ts";

export function writeCsvFile(outgoing: Outgoing): string {
  const header = ["key", SOURCE_LANGUAGE, outgoing.lang, "status", "context"];
  const rows = outgoing.units.map((u) => [`${u.namespace}:${u.key}`, u.source, u.target ?? "", u.status, u.context]);
  return `\uFEFF${formatCsv([header, ...rows])}`;
}

/** The delimiter the header uses after "key": a spreadsheet set to Polish or Romanian saves with semicolons. */
const delimiterOf = (text: string) => /^\uFEFF?"?key"?([,;\t])/.exec(text)?.[1] ?? ",";

/** A row as a unit, or its problem in words. */
function readRow(row: string[], rowNumber: number): IncomingUnit | string {
  const [id, source, target, status] = row.map((f) => f.replace(/\r\n?/g, "\n")); // texts keep LF, whatever line ends the program saved
  const where = id || `row ${rowNumber}`;
  if (row.length !== 5) return `${where}: expected 5 columns, found ${row.length}`;
  const said = status.trim().toLowerCase();
  if (said && !(STATUSES as readonly string[]).includes(said)) return `${where}: status "${status}" is not one of ${STATUSES.join(", ")}`;
  return { id, source, target, reviewed: said === "reviewed" };
}

export function readCsvFile(text: string): Incoming {
  if (text.includes("\uFFFD")) return { units: [], problems: ["The file is not UTF-8 text: save it as \"CSV UTF-8\"."] };
  let rows: string[][];
  try {
    rows = parseCsv(text, delimiterOf(text));
  } catch (error) {
    if (error instanceof CsvError) return { units: [], problems: [`The file is not valid CSV: ${error.message}.`] };
    throw error;
  }
  const [header = [], ...body] = rows;
  if (header.length !== 5 || header[0] !== "key" || header[3] !== "status" || header[4] !== "context") {
    return { units: [], problems: [`The first line must name the columns key, ${SOURCE_LANGUAGE}, <language>, status, context; found: ${header.join(", ")}.`] };
  }
  const read = body.map((row, i) => (row.length === 1 && row[0] === "" ? undefined : readRow(row, i + 2))).filter((r) => r !== undefined);
  return {
    sourceLang: header[1],
    lang: header[2],
    units: read.filter((r) => typeof r !== "string"),
    problems: read.filter((r) => typeof r === "string"),
  };
}
