import type { Prisma } from "../db/generated/client.ts";
import type { Role } from "../db/generated/enums.ts";
import { GENESIS, hashRow } from "./chain.ts";

type Tx = Prisma.TransactionClient;

/**
 * Who acted, as the log keeps it. The log sits below the policy of who may do what and imports
 * none of it: a signed-in person's Actor and a process's SystemActor both fit this shape.
 */
export type AuditActor = { userId: string | null; role: Role | "system"; displayName: string };

export type AuditInput = {
  actor: AuditActor | null;
  action: string;
  childId?: string | null;
  subjectType?: string;
  subjectId?: string;
  // Never personal data: ids, counts and categories only (the log outlives the records it describes).
  detail?: Prisma.InputJsonValue;
  at: Date;
};

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
