import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Clock } from "../clock.ts";
import { systemClock } from "../clock.ts";
import { dataDir } from "../env.ts";
import { log } from "../log.ts";
import { chainHead, type AuditReader } from "./chain.ts";
import { auditCheckpointKey } from "./checkpoint-key.ts";

// A checkpoint records the chain's head (position, row id, hash) at a moment, signed with
// HMAC-SHA256 under a key the database does not hold. Lines are appended to a file in the data
// folder and written to the log, so deleting or recomputing the end of the chain in the database
// no longer goes unnoticed: `npm run audit:verify` finds the checkpointed heads missing.

export const CHECKPOINTS_FILE = "audit-checkpoints.log";
const HOUR = 60 * 60 * 1000;

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

export type CheckpointOptions = {
  db: AuditReader;
  /** The data folder holding the checkpoints file (and the generated key). */
  dir?: string;
  key?: Buffer;
  clock?: Clock;
};

/** Signs the chain's current head and appends it to DATA_DIR/audit-checkpoints.log and the log. */
export async function writeAuditCheckpoint(options: CheckpointOptions): Promise<Checkpoint> {
  const dir = options.dir ?? dataDir;
  const key = options.key ?? auditCheckpointKey(dir);
  const head = await chainHead(options.db);
  const checkpoint: Checkpoint = { at: (options.clock ?? systemClock).now(), ...head };
  const line = signCheckpoint(checkpoint, key);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, CHECKPOINTS_FILE);
  // One short write with O_APPEND: lines from several processes never interleave.
  fs.appendFileSync(file, JSON.stringify(line) + "\n", { mode: 0o600 });
  // Ids and hashes only: no personal data.
  log.info("audit checkpoint", { checkpoint: line });
  return checkpoint;
}

/**
 * Writes a checkpoint now and then every `everyMs` (an hour unless given), without keeping the
 * process alive. Returns a stop function: it writes a last checkpoint (so the head at shutdown
 * is covered) and resolves once that is done. Call it before closing the database.
 */
export function startAuditCheckpoints(options: CheckpointOptions & { everyMs?: number }): () => Promise<void> {
  const dir = options.dir ?? dataDir;
  // Resolved now, so a key that cannot be made fails at start, not an hour later.
  const settings = { ...options, dir, key: options.key ?? auditCheckpointKey(dir) };
  let queue: Promise<void> = Promise.resolve();
  const write = () => {
    queue = queue
      .then(() => writeAuditCheckpoint(settings))
      .then(
        () => undefined,
        (error: unknown) => log.error("audit checkpoint failed", { error: error instanceof Error ? error : String(error) }),
      );
    return queue;
  };
  void write();
  const timer = setInterval(write, Math.min(options.everyMs ?? HOUR, HOUR));
  timer.unref();
  let stopped: Promise<void> | null = null;
  return () => {
    if (!stopped) {
      clearInterval(timer);
      stopped = write();
    }
    return stopped;
  };
}
