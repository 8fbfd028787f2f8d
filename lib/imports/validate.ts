import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "./case-record-import.schema.json" with { type: "json" };
import { scanJson } from "./json-scan.ts";
import { LIMIT_MESSAGES, LIMITS } from "./limits.ts";
import { toSchemaProblems } from "./schema-problems.ts";
import { checkSemantics, type KnownIds } from "./semantic-checks.ts";
import type { ImportFile, ImportProblem } from "./types.ts";

export type ValidationResult = { ok: true; data: ImportFile } | { ok: false; problems: ImportProblem[] };
// A parsed file may still have fields given twice, which only the text shows: they are reported
// with the rest of the problems by validateImport.
export type ParseResult = { ok: true; doc: unknown; duplicateKeys: ImportProblem[] } | { ok: false; problems: ImportProblem[] };
export type ValidateOptions = {
  // What the database already holds, for references the file may make to earlier imports.
  knownEntries?: KnownIds;
  knownPeople?: KnownIds;
  duplicateKeys?: ImportProblem[];
};

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    // strict: false because the schema uses the annotation keyword contentEncoding, which ajv
    // does not enforce; base64 is checked by hand in entry-checks.ts.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * Checks a parsed import document against the schema and the rules the schema cannot express.
 * Every problem is reported, not only the first, each with the JSON path it is about.
 */
export function validateImport(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const validate = schemaValidator();
  const schemaOk = validate(doc);
  const problems = [
    ...(options.duplicateKeys ?? []),
    ...(schemaOk ? [] : toSchemaProblems(validate.errors ?? [])),
    ...checkSemantics(doc, { entries: options.knownEntries, people: options.knownPeople }),
  ];
  return problems.length === 0 ? { ok: true, data: doc as ImportFile } : { ok: false, problems };
}

/**
 * Parses the bytes of an import file. A file that is not JSON is one problem at "$"; a file over a
 * size limit (limits.ts) is refused by name before it is parsed.
 */
export function parseImportJson(raw: string | Uint8Array): ParseResult {
  const size = typeof raw === "string" ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > LIMITS.fileBytes) return { ok: false, problems: [{ path: "$", message: LIMIT_MESSAGES.fileBytes }] };
  const decoded = typeof raw === "string" ? raw : decodeUtf8(raw);
  if (decoded === null) return { ok: false, problems: [{ path: "$", message: "is not valid UTF-8 text" }] };
  const text = decoded.replace(/^\uFEFF/, "");
  const scan = scanJson(text);
  if (scan.limits.length > 0) return { ok: false, problems: [...scan.limits, ...scan.duplicateKeys] };
  try {
    return { ok: true, doc: JSON.parse(text), duplicateKeys: scan.duplicateKeys };
  } catch (error) {
    // JSON.parse's own message quotes the text around the fault, which may be personal data:
    // report only where it is.
    return { ok: false, problems: [{ path: "$", message: `is not valid JSON${locate(text, error)}` }] };
  }
}

/** Parses and validates in one step. */
export function validateImportText(raw: string | Uint8Array, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseImportJson(raw);
  return parsed.ok ? validateImport(parsed.doc, { ...options, duplicateKeys: parsed.duplicateKeys }) : parsed;
}

// Strict: Buffer.toString would quietly turn bytes that are not UTF-8 into U+FFFD.
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function locate(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/end of JSON input/.test(message)) return " (it ends too early)";
  const match = /position (\d+)/.exec(message);
  if (!match) return "";
  const before = text.slice(0, Number(match[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` (near line ${line}, column ${column})`;
}
