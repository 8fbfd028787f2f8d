import type { Tx } from "./batches.ts";

// One INSERT for any number of rows: each column travels as one array parameter and unnest()
// turns the arrays back into rows. Prisma's createMany builds a statement with a parameter per
// value, which for thousands of entries costs more time in the client than the database spends
// writing them; this costs a few array parameters per table, and works the same on PGlite.

/**
 * A column: its name, the SQL type its array is sent as, how to read its value from a row, and
 * optionally an SQL expression over the unnested value `{}` (for casts to enums, jsonb, text[]).
 */
export type Column<Row> = readonly [name: string, arrayType: "text" | "int4" | "bool", value: (row: Row) => string | number | boolean | null, expression?: string];

export async function insertRows<Row>(tx: Tx, table: string, columns: readonly Column<Row>[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const values = columns.map(([, , , expression], i) => (expression ? expression.replaceAll("{}", `c${i}`) : `c${i}`)).join(", ");
  const params = columns.map(([, , value]) => rows.map(value));
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${arrays}) AS t(${aliases})`, ...params);
}

export const asTimestamp = "{}::timestamptz";
export const asDate = "{}::date";
export const asJson = "{}::jsonb";
export const asEnum = (type: string) => `{}::"${type}"`;
// text[] cannot travel inside an array parameter (PostgreSQL arrays are not ragged): sent as JSON.
export const asTextList = "ARRAY(SELECT jsonb_array_elements_text({}::jsonb))";
