import { chainRows, GENESIS, hashedFields, hashRow, type AuditReader } from "./chain.ts";
import { parseCheckpoints, type Checkpoint } from "./checkpoint-line.ts";

// Recomputes the whole chain and holds it against the signed checkpoints. The chain alone shows
// a row changed in place; only the checkpoints show a chain recomputed after a rewrite, or its
// end cut off, because the attacker cannot sign a new head.

export type AuditProblem =
  | { kind: "forged-checkpoint"; line: number; reason: string }
  | { kind: "no-key"; lines: number }
  | { kind: "broken-link"; id: bigint; position: number; previousId: bigint | null }
  | { kind: "hash-mismatch"; id: bigint; position: number }
  | { kind: "checkpoint-mismatch"; id: bigint; position: number; checkpoint: Checkpoint; lastGood: Checkpoint | null }
  | { kind: "missing-rows"; rows: number; lastId: bigint | null; checkpoint: Checkpoint };

export type AuditReport = {
  ok: boolean;
  rows: number;
  head: { id: bigint; hash: string } | null;
  /** Checkpoints whose signature held and whose head the chain still contains. */
  checkpointsMatched: number;
  problems: AuditProblem[];
};

export type VerifyInput = {
  db: AuditReader;
  /** The checkpoints file's text; null or "" when there is none. */
  checkpoints?: string | null;
  /** The checkpoint key; null when none is configured or kept. */
  key?: Buffer | null;
  /** Rows read per query (tests use a small page to cross page boundaries). */
  pageSize?: number;
};

export async function verifyAudit(input: VerifyInput): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const byPosition = readCheckpoints(input, problems);
  let prevHash = GENESIS;
  let prevId: bigint | null = null;
  let position = 0;
  let matched = 0;
  let lastGood: Checkpoint | null = null;
  let chainBroken = false;
  for await (const row of chainRows(input.db, input.pageSize)) {
    position += 1;
    const linkProblem =
      row.prevHash !== prevHash
        ? ({ kind: "broken-link", id: row.id, position, previousId: prevId } as const)
        : row.hash !== hashRow(prevHash, hashedFields(row))
          ? ({ kind: "hash-mismatch", id: row.id, position } as const)
          : null;
    const wrong = (byPosition.get(position) ?? []).find((cp) => cp.id !== row.id || cp.hash !== row.hash);
    const problem = linkProblem ?? (wrong ? ({ kind: "checkpoint-mismatch", id: row.id, position, checkpoint: wrong, lastGood } as const) : null);
    if (problem) {
      problems.push(problem);
      chainBroken = true;
      break;
    }
    for (const cp of byPosition.get(position) ?? []) {
      matched += 1;
      lastGood = cp;
    }
    prevHash = row.hash;
    prevId = row.id;
  }
  if (!chainBroken) {
    const beyond = [...byPosition.entries()].filter(([p]) => p > position).sort(([a], [b]) => a - b);
    if (beyond.length) problems.push({ kind: "missing-rows", rows: position, lastId: prevId, checkpoint: beyond[0][1][0] });
    matched += byPosition.get(0)?.length ?? 0;
  }
  return {
    ok: problems.length === 0,
    rows: position,
    head: prevId === null ? null : { id: prevId, hash: prevHash },
    checkpointsMatched: matched,
    problems,
  };
}

function readCheckpoints(input: VerifyInput, problems: AuditProblem[]): Map<number, Checkpoint[]> {
  const byPosition = new Map<number, Checkpoint[]>();
  const text = input.checkpoints ?? "";
  if (text.trim() === "") return byPosition;
  if (!input.key) {
    problems.push({ kind: "no-key", lines: text.split("\n").filter((l) => l.trim()).length });
    return byPosition;
  }
  const parsed = parseCheckpoints(text, input.key);
  for (const f of parsed.forged) problems.push({ kind: "forged-checkpoint", ...f });
  for (const cp of parsed.checkpoints) byPosition.set(cp.position, [...(byPosition.get(cp.position) ?? []), cp]);
  return byPosition;
}

/** Walks the chain alone; returns the id of the first row that does not match, or null. */
export async function verifyAuditChain(db: AuditReader): Promise<bigint | null> {
  const report = await verifyAudit({ db });
  const first = report.problems.find((p) => "id" in p);
  return first && "id" in first ? first.id : null;
}

/** One plain sentence per problem, for operators (ids, positions and times only). */
export function describeAuditProblem(p: AuditProblem): string {
  const at = (cp: Checkpoint) => `the checkpoint of ${cp.at.toISOString()} (position ${cp.position}, row id ${cp.id})`;
  switch (p.kind) {
    case "forged-checkpoint":
      return `Checkpoint line ${p.line} is forged: ${p.reason}.`;
    case "no-key":
      return `There are ${p.lines} checkpoint lines but no key to check them (set AUDIT_CHECKPOINT_KEY, or restore DATA_DIR/audit-key).`;
    case "broken-link":
      return `Broken link at row id ${p.id} (position ${p.position}): it does not follow ${p.previousId === null ? "the start of the chain" : `row id ${p.previousId}`}, so rows before it were deleted or changed.`;
    case "hash-mismatch":
      return `Hash mismatch at row id ${p.id} (position ${p.position}): the row was changed after it was written.`;
    case "checkpoint-mismatch":
      return p.checkpoint.id !== p.id
        ? `Row id ${p.id} is at position ${p.position}, where ${at(p.checkpoint)} recorded row id ${p.checkpoint.id}: rows were deleted or inserted ${since(p.lastGood)}.`
        : `Row id ${p.id} (position ${p.position}) does not match ${at(p.checkpoint)}: the chain was rewritten and recomputed ${since(p.lastGood)}.`;
    case "missing-rows":
      return `Missing rows after a checkpoint: the chain ends at position ${p.rows}${p.lastId === null ? "" : ` (row id ${p.lastId})`}, but ${at(p.checkpoint)} saw more, so rows after it were deleted.`;
  }
}

function since(lastGood: Checkpoint | null): string {
  return lastGood ? `after position ${lastGood.position} (row id ${lastGood.id}, checkpointed ${lastGood.at.toISOString()})` : "at or before this row";
}
