import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import schema from "./case-record-import.schema.json" with { type: "json" };
import { toSchemaProblems } from "./schema-problems.ts";
import { checkSemantics, type KnownIds } from "./semantic-checks.ts";
import type { ImportFile, ImportProblem } from "./types.ts";

export type ValidationResult = { ok: true; data: ImportFile } | { ok: false; problems: ImportProblem[] };
export type ParseResult = { ok: true; doc: unknown } | { ok: false; problems: ImportProblem[] };
// What the database already holds, for references the file may make to earlier imports.
export type ValidateOptions = { knownEntries?: KnownIds; knownPeople?: KnownIds };

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
  const problems = [...(schemaOk ? [] : toSchemaProblems(validate.errors ?? [])), ...checkSemantics(doc, { entries: options.knownEntries, people: options.knownPeople })];
  return problems.length === 0 ? { ok: true, data: doc as ImportFile } : { ok: false, problems };
}

/** Parses the bytes of an import file. A file that is not JSON is one problem at "$". */
export function parseImportJson(raw: string | Uint8Array): ParseResult {
  const decoded = typeof raw === "string" ? raw : decodeUtf8(raw);
  if (decoded === null) return { ok: false, problems: [{ path: "$", message: "is not valid UTF-8 text" }] };
  const text = decoded.replace(/^\uFEFF/, "");
  try {
    return { ok: true, doc: JSON.parse(text) };
  } catch (error) {
    // JSON.parse's own message quotes the text around the fault, which may be personal data:
    // report only where it is.
    return { ok: false, problems: [{ path: "$", message: `is not valid JSON${locate(text, error)}` }] };
  }
}

/** Parses and validates in one step. */
export function validateImportText(raw: string | Uint8Array, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseImportJson(raw);
  return parsed.ok ? validateImport(parsed.doc, options) : parsed;
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
