import fs from "node:fs";

// A small reader for prisma/schema.prisma, enough to compare it with a migrated database
// (the schema engine that would do this is not available on these machines).

export type Column = { name: string; type: string; optional: boolean; list: boolean; dbType?: string };
export type Model = { name: string; columns: Column[]; uniques: string[][]; primaryKey: string[] };
export type Schema = { models: Model[]; enums: Map<string, string[]> };

export function readPrismaSchema(file = "prisma/schema.prisma"): Schema {
  const text = fs.readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Map<string, string[]>();
  for (const [, name, body] of text.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    enums.set(name, body.split("\n").map((l) => l.trim()).filter(Boolean).map((l) => l.match(/@map\("([^"]+)"\)/)?.[1] ?? l.split(/\s+/)[0]));
  }
  const blocks = [...text.matchAll(/^model (\w+) \{([^}]*)\}/gm)];
  const modelNames = new Set(blocks.map((b) => b[1]));
  const models = blocks.map(([, name, body]) => readModel(name, body, modelNames));
  return { models, enums };
}

function readModel(name: string, body: string, modelNames: Set<string>): Model {
  const model: Model = { name, columns: [], uniques: [], primaryKey: [] };
  for (const line of body.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const block = line.match(/^@@(id|unique)\(\[([^\]]+)\]/);
    if (block) {
      const fields = block[2].split(",").map((f) => f.trim().replace(/\(.*\)$/, ""));
      if (block[1] === "id") model.primaryKey = fields;
      else model.uniques.push(fields);
      continue;
    }
    if (line.startsWith("@@")) continue;
    const [field, rawType, ...attrs] = line.split(/\s+/);
    const base = rawType.replace(/[?[\]]/g, "");
    if (modelNames.has(base)) continue; // a relation, not a column
    const rest = attrs.join(" ");
    model.columns.push({
      name: field,
      type: base,
      optional: rawType.endsWith("?"),
      list: rawType.endsWith("[]"),
      dbType: rest.match(/@db\.(\w+)/)?.[1],
    });
    if (/@id\b/.test(rest)) model.primaryKey = [field];
    if (/@unique\b/.test(rest)) model.uniques.push([field]);
  }
  return model;
}

/** The PostgreSQL type information_schema reports for a column, as Prisma would create it. */
export function expectedSqlType(column: Column, enums: Map<string, string[]>): string {
  if (column.list) return "ARRAY";
  if (enums.has(column.type)) return `USER-DEFINED:${column.type}`;
  if (column.type === "DateTime") return column.dbType === "Date" ? "date" : "timestamp with time zone";
  const map: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    Json: "jsonb",
    Float: "double precision",
    Bytes: "bytea",
  };
  return map[column.type] ?? `unknown:${column.type}`;
}
