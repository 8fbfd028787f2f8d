import { createHash, randomInt } from "node:crypto";
import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import { HOUR } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { NotFound } from "../errors/index.ts";
import { assertMayManageAccounts } from "./guards.ts";

type Tx = Prisma.TransactionClient;

// A set-up code lets a person choose their own password: administrators never type one. 12
// characters from 32 (60 bits), shown once in groups of four; only the sha256 is kept (the code
// is random enough that a fast hash is no weaker than a slow one), and /setup is throttled like
// sign-in. It expires, works once, and a newer code supersedes the older ones.
export const SETUP_CODE_LIFETIME_MS = 72 * HOUR;

// Crockford's base 32: no I, L, O or U, so nothing is misread; typed in any case, with or without the dashes.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 12;

export type IssuedSetupCode = { code: string; expiresAt: Date };

export function newSetupCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** The code as typed, in one canonical form: upper case, no spaces or dashes, misreadings folded. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function hashSetupCode(typed: string): string {
  return createHash("sha256").update(`setup:${normalizeSetupCode(typed)}`).digest("hex");
}

/**
 * Makes a new code for an account inside the caller's transaction, superseding any earlier one
 * not yet used. The audit row holds ids only, never the code.
 */
export async function issueSetupCodeIn(tx: Tx, input: { userId: string; actor: Actor | SystemActor; clock: Clock }): Promise<IssuedSetupCode> {
  const at = input.clock.now();
  const superseded = await tx.accountSetupCode.updateMany({
    where: { userId: input.userId, usedAt: null, supersededAt: null },
    data: { supersededAt: at },
  });
  const code = newSetupCode();
  const expiresAt = new Date(at.getTime() + SETUP_CODE_LIFETIME_MS);
  const row = await tx.accountSetupCode.create({
    data: { userId: input.userId, codeHash: hashSetupCode(code), createdById: input.actor.userId, createdAt: at, expiresAt },
    select: { id: true },
  });
  await appendAudit(tx, {
    actor: input.actor,
    action: "account.setup-code.issue",
    subjectType: "user",
    subjectId: input.userId,
    detail: { setupCodeId: row.id, superseded: superseded.count },
    at,
  });
  return { code, expiresAt };
}

/** An administrator makes a set-up code for an account (a new person, or one who forgot their password). */
export async function issueSetupCode(input: { db: Db; clock: Clock; actor: Actor | SystemActor; userId: string }): Promise<IssuedSetupCode> {
  assertMayManageAccounts(input.actor);
  return input.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFound("No such account");
    return issueSetupCodeIn(tx, { userId: user.id, actor: input.actor, clock: input.clock });
  });
}
