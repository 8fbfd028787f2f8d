import { createHash, randomBytes } from "node:crypto";

// The cookie carries a random token; the Session row's id is the token's sha256. Someone who
// reads the database (or a backup) therefore learns no cookie that would let them sign in.
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionRowId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
