import type { Prisma } from "../db/generated/client.ts";
import type { Role } from "../db/generated/enums.ts";
import type { Db } from "../db/connect.ts";
import type { Clock } from "../clock.ts";
import type { Actor, SystemActor } from "../access/index.ts";
import { appendAudit } from "../audit/index.ts";
import { hashPassword } from "../auth/index.ts";
import { Conflict, Invalid } from "../errors/index.ts";
import { assertLinksFit, assertPasswordFits, isRole, parseEmail, parseUsername, type AccountLinks } from "./account-rules.ts";
import { assertMayManageAccounts, isUniqueViolation } from "./guards.ts";
import { findOrCreateTeam, resolveRecordLink } from "./account-links.ts";
import { grantAccess } from "../access/index.ts";
import { randomBytes } from "node:crypto";
import { issueSetupCodeIn, type IssuedSetupCode } from "./setup-codes.ts";

type Tx = Prisma.TransactionClient;

export type CreateAccountInput = AccountLinks & {
  db: Db;
  clock: Clock;
  actor: Actor | SystemActor;
  username: string;
  role: Role;
  /**
   * The command line sets a password; the browser never does: without one the account gets a
   * password nobody knows and a one-time set-up code, with which the person chooses their own.
   */
  password?: string;
  displayName?: string;
  /** Where notification emails go (optional; staff mainly). */
  email?: string;
};

export type CreatedAccount = { id: string; username: string; role: Role; displayName: string; grantCount: number; setupCode?: IssuedSetupCode };

/** Creates an account and the grants its role and record links give it, in one transaction. */
export async function createAccount(input: CreateAccountInput): Promise<CreatedAccount> {
  assertMayManageAccounts(input.actor);
  if (!isRole(input.role)) throw new Invalid("Unknown role");
  const username = parseUsername(input.username);
  if (input.password !== undefined) assertPasswordFits(input.role, input.password);
  assertLinksFit(input.role, input);
  const email = input.email === undefined ? null : parseEmail(input.email);
  // Hash before the transaction: argon2 is slow and PGlite has a single connection. An account
  // waiting for its set-up code gets the hash of a random secret (so signing in to it costs what
  // any wrong password does).
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString("base64url"));
  try {
    return await input.db.$transaction((tx) => insertAccount(tx, { ...input, username, email, passwordHash }));
  } catch (error) {
    // Two creators racing for one username (or one child): the loser gets the same Conflict.
    if (isUniqueViolation(error)) throw new Conflict("That username or record already has an account");
    throw error;
  }
}

async function insertAccount(
  tx: Tx,
  input: Omit<CreateAccountInput, "email"> & { email: string | null; passwordHash: string },
): Promise<CreatedAccount> {
  const { username, role, clock, actor } = input;
  if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new Conflict(`The username "${username}" is already taken`);
  }
  const link = await resolveRecordLink(tx, role, input);
  const teamId = input.team ? await findOrCreateTeam(tx, { name: input.team.trim(), actor, clock }) : null;
  const displayName = input.displayName?.trim() || link.defaultName || username;
  const { passwordHash, email } = input;
  const { childId, personId } = link;
  const user = await tx.user.create({
    data: { username, role, passwordHash, displayName, email, teamId, childId, personId, createdAt: clock.now() },
  });
  for (const childId of link.grantChildIds) {
    await grantAccess(tx, { kind: link.grantKind!, childId, userId: user.id, grantedBy: actor, clock });
  }
  const grantCount = link.grantChildIds.length;
  await appendAudit(tx, {
    actor,
    action: "account.create",
    subjectType: "user",
    subjectId: user.id,
    // Whether an address was given, never the address: the audit log holds no contact details.
    detail: { role, teamId, grantCount, withEmail: email !== null },
    at: clock.now(),
  });
  const setupCode = input.password === undefined ? await issueSetupCodeIn(tx, { userId: user.id, actor, clock }) : undefined;
  return { id: user.id, username, role, displayName, grantCount, setupCode };
}
