import type { ErrorObject } from "ajv";
import { joinPath, pointerToPath } from "./json-path.ts";
import type { ImportProblem } from "./types.ts";

// Turns ajv's errors into plain-English problems. Every message is written here from the
// keyword and the schema, never from the data, so no field value can leak into a report.

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  integer: "a whole number",
  number: "a number",
};

const FORMAT_MESSAGES: Record<string, string> = {
  "date-time": "must be a date and time in ISO 8601 with an offset, for example 2026-10-03T15:00:00+01:00",
  date: "must be a real date written YYYY-MM-DD",
};

const PATTERN_MESSAGES: Record<string, string> = {
  id: "must be an identifier of 1 to 64 letters, digits, dots, underscores, colons or hyphens, starting with a letter or digit",
  locale: "must be a language code such as ur or en-GB",
};

export function toSchemaProblems(errors: readonly ErrorObject[]): ImportProblem[] {
  // "if/then" failures are reported by the "required" error inside "then"; the wrapper adds nothing.
  return errors.filter((e) => e.keyword !== "if").map(toSchemaProblem);
}

function toSchemaProblem(error: ErrorObject): ImportProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: joinPath(path, String(params.missingProperty)), message: "is required" };
    case "additionalProperties":
      return { path: joinPath(path, String(params.additionalProperty)), message: "unknown field" };
    default:
      return { path, message: describe(error, params) };
  }
}

function describe(error: ErrorObject, params: Record<string, unknown>): string {
  switch (error.keyword) {
    case "type":
      return `must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}`;
    case "enum":
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case "format":
      return FORMAT_MESSAGES[String(params.format)] ?? `must be in ${String(params.format)} format`;
    case "pattern":
      return PATTERN_MESSAGES[patternName(error.schemaPath)] ?? "is not in the expected form";
    case "minLength":
      return params.limit === 1 ? "must not be empty" : `must be at least ${String(params.limit)} characters`;
    case "maxLength":
      return `must be at most ${String(params.limit)} characters`;
    case "minItems":
      return `must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`;
    default:
      // Any other keyword: ajv's own wording mentions the schema, not the data.
      return error.message ?? "is not valid";
  }
}

// "#/$defs/id/pattern" -> "id"
function patternName(schemaPath: string): string {
  const match = /\/\$defs\/([^/]+)\/pattern$/.exec(schemaPath);
  return match ? match[1] : "";
}
