import { randomInt } from "node:crypto";
import type { Prisma } from "../../db/generated/client.ts";
import { keyedHash, seal, unseal } from "./keys.ts";
import { RECOVERY_CODE_COUNT } from "./policy.ts";

type Tx = Prisma.TransactionClient;

// Ten letters and digits (no 0/o, 1/l/i), about 49 bits each, shown as "abcde-fghjk".
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** What is compared: case, spaces and hyphens do not matter. */
export function recoveryCodeHash(code: string): string {
  return keyedHash("recovery-code", code.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/**
 * Replaces a person's recovery codes with new ones, inside the caller's transaction. Only keyed
 * hashes are kept as codes; the codes themselves are kept sealed on the factor until the person
 * says they have saved them (acknowledgeRecoveryCodes), so a page reload does not lose them.
 */
export async function replaceRecoveryCodes(tx: Tx, userId: string, at: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, hash: recoveryCodeHash(code), createdAt: at })) });
  await tx.secondFactor.update({ where: { userId }, data: { codesToShow: seal(codes.join(" ")) } });
  return codes;
}

/** The new codes waiting to be shown, or null once the person has said they saved them. */
export function codesWaiting(factor: { codesToShow: string | null } | null): string[] | null {
  return factor?.codesToShow ? unseal(factor.codesToShow).split(" ") : null;
}
