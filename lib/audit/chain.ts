import { createHash } from "node:crypto";
import type { Prisma } from "../db/generated/client.ts";

// The hash chain itself: each row's hash covers its content and the hash of the row before, so a
// change anywhere shows at that row. Plain SHA-256 is recomputable by whoever can write the table;
// the signed checkpoints kept outside the database (checkpoints.ts) catch that.

export type AuditReader = Pick<Prisma.TransactionClient, "auditEvent">;

export const GENESIS = "0".repeat(64);

export type ChainRow = Prisma.AuditEventGetPayload<object>;

/** The fields a row's hash covers, in the form appendAudit stores them. */
export function hashedFields(row: Omit<ChainRow, "id" | "prevHash" | "hash">) {
  return {
    at: row.at,
    actorId: row.actorId,
    actorRole: row.actorRole,
    actorName: row.actorName,
    action: row.action,
    childId: row.childId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    detail: row.detail ?? null,
  };
}

export function hashRow(prevHash: string, fields: Record<string, unknown>): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonical(fields)).digest("hex");
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

const PAGE = 1000;

/** The chain in order, a page at a time (it grows without bound, so never all in memory). */
export async function* chainRows(db: AuditReader, pageSize = PAGE): AsyncGenerator<ChainRow> {
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

export type ChainHead = { position: number; id: bigint; hash: string };

/** The newest row, and how many rows the chain holds up to it (ids have gaps: rolled-back appends). */
export async function chainHead(db: AuditReader): Promise<ChainHead> {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  if (!last) return { position: 0, id: 0n, hash: GENESIS };
  // Appends are serialised by a lock taken before their id is drawn, so every lower id is settled.
  const position = await db.auditEvent.count({ where: { id: { lte: last.id } } });
  return { position, id: last.id, hash: last.hash };
}
