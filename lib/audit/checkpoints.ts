import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Clock } from "../clock.ts";
import { systemClock } from "../clock.ts";
import { dataDir } from "../env.ts";
import { log } from "../log.ts";
import { chainHead, type AuditReader } from "./chain.ts";
import { auditCheckpointKey } from "./checkpoint-key.ts";
import { signCheckpoint, type Checkpoint } from "./checkpoint-line.ts";

export { auditCheckpointKey, existingAuditCheckpointKey } from "./checkpoint-key.ts";
export type { Checkpoint } from "./checkpoint-line.ts";

// A checkpoint records the chain's head (position, row id, hash) at a moment, signed with
// HMAC-SHA256 under a key the database does not hold. Lines are appended to a file in the data
// folder and written to the log, so deleting or recomputing the end of the chain in the database
// no longer goes unnoticed: `npm run audit:verify` finds the checkpointed heads missing.

export const CHECKPOINTS_FILE = "audit-checkpoints.log";
const HOUR = 60 * 60 * 1000;

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
