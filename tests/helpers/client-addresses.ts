import { randomInt } from "node:crypto";

// A client address no other test uses, so per-client sign-in counts never leak between tests.
let next = randomInt(0, 1 << 20);
export function newClientAddress(): string {
  next += 1;
  return `10.${(next >> 16) & 255}.${(next >> 8) & 255}.${next & 255}`;
}
