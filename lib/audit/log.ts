import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client.ts";
import type { Actor, SystemActor } from "../access/index.ts";

type Tx = Prisma.TransactionClient;

export type AuditInput = {
  actor: Actor | SystemActor | null;
  action: string;
  childId?: string | null;
  subjectType?: string;
  subjectId?: string;
  // Never personal data: ids, counts and categories only (the log outlives the records it describes).
  detail?: Prisma.InputJsonValue;
  at: Date;
};

const GENESIS = "0".repeat(64);
// Serialises appends so each row's prevHash is the hash of the row before it.
const CHAIN_LOCK = 72707370;

/**
 * Appends one event to the hash-chained log. Call it with the transaction of the change it
 * describes, so the change and its audit row commit or fail together.
 */
export async function appendAudit(tx: Tx, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: input.at,
    actorId: input.actor?.userId ?? null,
    actorRole: input.actor?.role ?? null,
    actorName: input.actor?.displayName ?? null,
    action: input.action,
    childId: input.childId ?? null,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    detail: input.detail ?? null,
  };
  const hash = hashRow(prevHash, row);
  return tx.auditEvent.create({ data: { ...row, detail: input.detail, prevHash, hash } });
}

function hashRow(prevHash: string, row: Record<string, unknown>): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonical(row)).digest("hex");
}

// JSONB does not keep key order, so hash a form with sorted keys.
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Walks the chain in order; returns the id of the first row that does not match, or null. */
export async function verifyAuditChain(db: Tx): Promise<bigint | null> {
  let prevHash = GENESIS;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor !== undefined ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return null;
    for (const r of rows) {
      const { id, prevHash: storedPrev, hash, ...rest } = r;
      const expected = hashRow(prevHash, { ...rest, detail: rest.detail ?? null });
      if (storedPrev !== prevHash || hash !== expected) return id;
      prevHash = hash;
    }
    cursor = rows[rows.length - 1].id;
  }
}
