import { createHmac, timingSafeEqual } from "node:crypto";

// One checkpoint line: the chain's head (position, row id, hash) at a moment, signed with
// HMAC-SHA256. Pure functions, shared by the writer (checkpoints.ts) and the verifier.

export type Checkpoint = { at: Date; position: number; id: bigint; hash: string };

export type CheckpointLine = { v: 1; at: string; position: number; id: string; hash: string; hmac: string };

function mac(key: Buffer, at: string, position: number, id: string, hash: string): string {
  return createHmac("sha256", key).update(`record-together audit checkpoint v1\n${at}\n${position}\n${id}\n${hash}`).digest("hex");
}

export function signCheckpoint(cp: Checkpoint, key: Buffer): CheckpointLine {
  const at = cp.at.toISOString();
  const id = cp.id.toString();
  return { v: 1, at, position: cp.position, id, hash: cp.hash, hmac: mac(key, at, cp.position, id, cp.hash) };
}

export type ParsedCheckpoints = { checkpoints: (Checkpoint & { line: number })[]; forged: { line: number; reason: string }[] };

/** Reads checkpoint lines (a checkpoints file, or the same objects taken from the log), checking each signature. */
export function parseCheckpoints(text: string, key: Buffer): ParsedCheckpoints {
  const result: ParsedCheckpoints = { checkpoints: [], forged: [] };
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const parsed = readLine(raw);
    if (!parsed) return void result.forged.push({ line, reason: "not a checkpoint line" });
    const expected = Buffer.from(mac(key, parsed.at, parsed.position, parsed.id, parsed.hash), "hex");
    if (!timingSafeEqual(expected, Buffer.from(parsed.hmac, "hex"))) {
      return void result.forged.push({ line, reason: "its signature does not match (forged or altered)" });
    }
    result.checkpoints.push({ line, at: new Date(parsed.at), position: parsed.position, id: BigInt(parsed.id), hash: parsed.hash });
  });
  return result;
}

function readLine(raw: string): CheckpointLine | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const v = value as Partial<CheckpointLine> | null;
  const ok =
    !!v &&
    v.v === 1 &&
    typeof v.at === "string" &&
    !Number.isNaN(Date.parse(v.at)) &&
    Number.isSafeInteger(v.position) &&
    (v.position as number) >= 0 &&
    typeof v.id === "string" &&
    /^\d{1,19}$/.test(v.id) &&
    typeof v.hash === "string" &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    typeof v.hmac === "string" &&
    /^[0-9a-f]{64}$/.test(v.hmac);
  return ok ? (v as CheckpointLine) : null;
}
