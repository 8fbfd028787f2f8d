import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "../env.ts";

// The checkpoints' key is a secret the database never holds: whoever can rewrite the audit table
// cannot also forge a checkpoint. AUDIT_CHECKPOINT_KEY (the same on every node) wins; otherwise
// a key is made once in the data folder, like the session secret.

export const AUDIT_KEY_FILE = "audit-key";

/** The key to sign checkpoints with, made on first use when none is configured. */
export function auditCheckpointKey(dir: string = dataDir): Buffer {
  return configuredKey(dir) ?? createKeyFile(path.join(dir, AUDIT_KEY_FILE));
}

/** The key to check checkpoints with, or null when there is none (never made here: a new key would call every line forged). */
export function existingAuditCheckpointKey(dir: string = dataDir): Buffer | null {
  return configuredKey(dir);
}

function configuredKey(dir: string): Buffer | null {
  if (env.AUDIT_CHECKPOINT_KEY) return Buffer.from(env.AUDIT_CHECKPOINT_KEY, "utf8");
  const file = path.join(dir, AUDIT_KEY_FILE);
  return fs.existsSync(file) ? Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8") : null;
}

// Written whole under a temporary name and linked into place, so two processes starting at once
// agree on one key and neither reads a half-written file.
function createKeyFile(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return Buffer.from(fs.readFileSync(file, "utf8").trim(), "utf8");
}
