// Reading PostgreSQL plans (EXPLAIN (ANALYZE, FORMAT JSON)) for how many rows each step touched.
// Used by tests/integration/record-page-plans.test.ts and `npm run bench -- --explain`: a
// statement whose plan touches rows in proportion to the record's size is slow on a large
// record whatever the machine, so the count is a proof that does not depend on load.

export type PlanNode = {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Join Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

export type Touched = { rows: number; node: string };

/**
 * Rows a node produced or threw away, over all its loops (EXPLAIN gives both per loop). A scan
 * that filters 9,000 rows to return 1 touched 9,001.
 */
export function rowsTouchedBy(node: PlanNode): number {
  const perLoop =
    (node["Actual Rows"] ?? 0) +
    (node["Rows Removed by Filter"] ?? 0) +
    (node["Rows Removed by Join Filter"] ?? 0) +
    (node["Rows Removed by Index Recheck"] ?? 0);
  return Math.round(perLoop * (node["Actual Loops"] ?? 1));
}

/**
 * The step of a plan that read the most rows from a table or index, named by its type, table
 * and index (of one table, if named). Joins, sorts and materialised sets only rework rows a scan
 * already read.
 */
export function busiestNode(plan: PlanNode, table?: string): Touched {
  let worst: Touched = { rows: -1, node: "" };
  const visit = (n: PlanNode) => {
    const rows = n["Relation Name"] && (!table || n["Relation Name"] === table) ? rowsTouchedBy(n) : 0;
    if (rows > worst.rows) {
      const where = [n["Relation Name"], n["Index Name"] && `using ${n["Index Name"]}`].filter(Boolean).join(" ");
      worst = { rows, node: where ? `${n["Node Type"]} on ${where}` : n["Node Type"] };
    }
    for (const child of n.Plans ?? []) visit(child);
  };
  visit(plan);
  return worst;
}

/** The top plan node out of EXPLAIN (FORMAT JSON)'s one row, whichever client returned it. */
export function planOf(rows: Record<string, unknown>[]): PlanNode {
  const value = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  return parsed[0].Plan;
}

/**
 * Whether a table is read inside a SubPlan: a check the planner could not join (under an OR, for
 * one). Hashed, it reads every matching row of the table whatever the page needs; unhashed, it
 * runs once per outer row.
 */
export function readInSubPlan(plan: PlanNode, table: string): boolean {
  const reads = (n: PlanNode): boolean => n["Relation Name"] === table || (n.Plans ?? []).some(reads);
  const visit = (n: PlanNode): boolean => (n["Parent Relationship"] === "SubPlan" && reads(n)) || (n.Plans ?? []).some(visit);
  return visit(plan);
}
