// Reading the few query parameters the admin pages take, defensively (anything odd is ignored).
type Query = Record<string, string | string[] | undefined>;
export type { Query };

export function one(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === "string" && value.length <= 200 ? value : undefined;
}

export function pageOf(query: Query): number {
  const n = Number(one(query, "page") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | undefined): s is string => s !== undefined && UUID.test(s);
