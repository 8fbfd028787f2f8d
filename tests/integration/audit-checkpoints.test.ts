import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appendAudit, describeAuditProblem, verifyAudit, verifyAuditChain } from "../../lib/audit/index.ts";
import { CHECKPOINTS_FILE, startAuditCheckpoints, writeAuditCheckpoint } from "../../lib/audit/checkpoints.ts";
import { GENESIS, hashedFields, hashRow } from "../../lib/audit/chain.ts";
import { fixedClock } from "../../lib/clock.ts";
import type { Db } from "../../lib/db/connect.ts";
import { runProcess, withDataFolder, type Run } from "../helpers/cli.ts";
import { createTestDb, databaseKinds, type TestDb } from "../helpers/db.ts";

// The chain's head, signed with a key the database does not hold and kept outside it, so that
// whoever owns the database can no longer rewrite or cut the end of the audit log unnoticed.

const actor = { userId: "u-1", role: "caseworker", displayName: "Jasmine Patel" } as const;
const clock = fixedClock("2026-12-01T09:00:00Z");
const cleanups: (() => Promise<void> | void)[] = [];
// Checkpoints are also logged; keep them out of the test output (one test reads them).
beforeEach(() => void vi.spyOn(process.stdout, "write").mockImplementation(() => true));
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanups.length) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-audit-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function freshDb(kind: "pglite" | "postgres"): Promise<TestDb> {
  const db = await createTestDb(kind);
  cleanups.push(() => db.drop());
  return db;
}

async function append(db: Db, n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) => appendAudit(tx, { actor, action: "test.event", detail: { i }, at: clock.now() }));
  }
  return db.auditEvent.findMany({ orderBy: { id: "asc" } });
}

// What an owner can do: switch the append-only trigger off, change history, switch it back on.
async function asOwner(db: Db, change: () => Promise<unknown>) {
  await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
  try {
    await change();
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
  }
}

// The attack plain SHA-256 cannot see: rewrite a row, then recompute every hash after it.
async function rewriteAndRecompute(db: Db, position: number) {
  const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
  let prev = position > 1 ? rows[position - 2].hash : GENESIS;
  await asOwner(db, async () => {
    for (const row of rows.slice(position - 1)) {
      const fields = { ...hashedFields(row), action: row.id === rows[position - 1].id ? "tampered" : row.action };
      const hash = hashRow(prev, fields);
      await db.auditEvent.update({ where: { id: row.id }, data: { action: fields.action, prevHash: prev, hash } });
      prev = hash;
    }
  });
}

const readCheckpoints = (dir: string) => fs.readFileSync(path.join(dir, CHECKPOINTS_FILE), "utf8");
const readKey = (dir: string) => fs.readFileSync(path.join(dir, "audit-key"));

describe.each(databaseKinds())("audit checkpoints on %s", (kind) => {
  // One database per kind (opening PGlite is slow); each test starts from an empty chain, emptied
  // as the owner can.
  let shared: TestDb;
  beforeAll(async () => {
    shared = await createTestDb(kind);
  });
  afterAll(() => shared?.drop());
  beforeEach(() => asOwner(shared.prisma, () => shared.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent" RESTART IDENTITY`)));

  it("appends a signed line to DATA_DIR/audit-checkpoints.log and the log, with a key made once (both 0600), and no personal data", async () => {
    const db = shared;
    const dir = tempDir();
    const rows = await append(db.prisma, 3);
    const out = vi.spyOn(process.stdout, "write");

    const cp = await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    const key = readKey(dir);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });

    expect(cp).toMatchObject({ position: 3, id: rows[2].id, hash: rows[2].hash });
    expect(readKey(dir).equals(key)).toBe(true);
    expect(fs.statSync(path.join(dir, "audit-key")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, CHECKPOINTS_FILE)).mode & 0o777).toBe(0o600);
    const lines = readCheckpoints(dir).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const expectedMac = createHmac("sha256", key)
      .update(`record-together audit checkpoint v1\n${lines[0].at}\n3\n${rows[2].id}\n${rows[2].hash}`)
      .digest("hex");
    expect(lines[0]).toEqual({ v: 1, at: "2026-12-01T09:00:00.000Z", position: 3, id: String(rows[2].id), hash: rows[2].hash, hmac: expectedMac });
    const logged = out.mock.calls.map((c) => String(c[0])).join("");
    expect(logged).toContain(expectedMac);
    expect(logged).not.toContain("Jasmine");
  });

  it("verifies an intact chain against every checkpoint, reading it a page at a time", async () => {
    const db = shared;
    const dir = tempDir();
    await writeAuditCheckpoint({ db: db.prisma, dir, clock }); // the empty chain
    await append(db.prisma, 4);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    await append(db.prisma, 3);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });

    const report = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir), pageSize: 3 });

    expect(report).toMatchObject({ ok: true, rows: 7, checkpointsMatched: 3, problems: [] });
  });

  it("names a row the owner rewrote in place: hash mismatch", async () => {
    const db = shared;
    const dir = tempDir();
    const rows = await append(db.prisma, 7);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    await asOwner(db.prisma, () => db.prisma.auditEvent.update({ where: { id: rows[4].id }, data: { action: "tampered" } }));

    const report = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir), pageSize: 3 });

    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: "hash-mismatch", id: rows[4].id, position: 5 }]);
    expect(describeAuditProblem(report.problems[0])).toContain(`Hash mismatch at row id ${rows[4].id} (position 5)`);
  });

  it("catches a rewrite whose hashes were recomputed to the end, which the chain alone cannot", async () => {
    const db = shared;
    const dir = tempDir();
    const rows = await append(db.prisma, 4);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    const more = (await append(db.prisma, 3)).slice(4);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    await rewriteAndRecompute(db.prisma, 6);

    expect(await verifyAuditChain(db.prisma)).toBeNull(); // the chain is self-consistent again
    const report = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir), pageSize: 3 });

    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ kind: "checkpoint-mismatch", id: more[2].id, position: 7, lastGood: { position: 4, id: rows[3].id } });
    expect(describeAuditProblem(report.problems[0])).toMatch(/rewritten and recomputed after position 4/);
  });

  it("catches the chain's end deleted by the owner, and rows appended after the deletion", async () => {
    const db = shared;
    const dir = tempDir();
    const rows = await append(db.prisma, 7);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    await asOwner(db.prisma, () => db.prisma.auditEvent.deleteMany({ where: { id: { gte: rows[5].id } } }));

    const cut = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir), pageSize: 3 });
    expect(await verifyAuditChain(db.prisma)).toBeNull();
    expect(cut.ok).toBe(false);
    expect(cut.problems).toEqual([expect.objectContaining({ kind: "missing-rows", rows: 5, lastId: rows[4].id })]);
    expect(describeAuditProblem(cut.problems[0])).toMatch(new RegExp(`Missing rows after a checkpoint: the chain ends at position 5 \\(row id ${rows[4].id}\\)`));

    const refilled = (await append(db.prisma, 2)).slice(5);
    const later = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir), pageSize: 3 });
    expect(later.problems).toEqual([expect.objectContaining({ kind: "checkpoint-mismatch", id: refilled[1].id, position: 7 })]);
    expect(describeAuditProblem(later.problems[0])).toMatch(new RegExp(`recorded row id ${rows[6].id}: rows were deleted or inserted`));
  });

  it("names a forged or altered checkpoint line, and trusts none without the key", async () => {
    const db = shared;
    const dir = tempDir();
    await append(db.prisma, 3);
    await writeAuditCheckpoint({ db: db.prisma, dir, clock });
    const good = JSON.parse(readCheckpoints(dir).trim());
    const otherKey = randomBytes(32);
    const altered = { ...good, position: 2 };
    const signedElsewhere = {
      ...good,
      position: 9,
      hmac: createHmac("sha256", otherKey).update(`record-together audit checkpoint v1\n${good.at}\n9\n${good.id}\n${good.hash}`).digest("hex"),
    };
    const text = [good, altered, signedElsewhere].map((l) => JSON.stringify(l)).join("\n") + "\nnot a checkpoint\n";

    const report = await verifyAudit({ db: db.prisma, checkpoints: text, key: readKey(dir) });

    expect(report.ok).toBe(false);
    expect(report.checkpointsMatched).toBe(1);
    expect(report.problems).toEqual([
      { kind: "forged-checkpoint", line: 2, reason: "its signature does not match (forged or altered)" },
      { kind: "forged-checkpoint", line: 3, reason: "its signature does not match (forged or altered)" },
      { kind: "forged-checkpoint", line: 4, reason: "not a checkpoint line" },
    ]);
    expect(describeAuditProblem(report.problems[0])).toBe("Checkpoint line 2 is forged: its signature does not match (forged or altered).");
    const keyless = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: null });
    expect(keyless.problems).toEqual([{ kind: "no-key", lines: 1 }]);
  });

  it("writes a checkpoint at start, then on every tick, and a last one when stopped", async () => {
    const db = shared;
    const dir = tempDir();
    await append(db.prisma, 2);
    const stop = startAuditCheckpoints({ db: db.prisma, dir, clock, everyMs: 25 });
    // Waits for the first checkpoint and one tick, however slowly a busy machine writes them.
    const lines = () => readCheckpoints(dir).trim().split("\n").filter(Boolean).length;
    await vi.waitFor(() => expect(lines()).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 25 });
    await append(db.prisma, 1);
    await stop();
    const written = readCheckpoints(dir).trim().split("\n").map((l) => JSON.parse(l));
    await new Promise((r) => setTimeout(r, 100));

    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written[0]).toMatchObject({ position: 2 });
    expect(written.at(-1)).toMatchObject({ position: 3 });
    expect(readCheckpoints(dir).trim().split("\n")).toHaveLength(written.length); // nothing after stop
    const report = await verifyAudit({ db: db.prisma, checkpoints: readCheckpoints(dir), key: readKey(dir) });
    expect(report).toMatchObject({ ok: true, checkpointsMatched: written.length });
  });
});

// `npm run audit:verify`, as an operator runs it.
const runVerify = (env: NodeJS.ProcessEnv): Promise<Run> => runProcess("scripts/audit-verify.ts", [], env);

describe("npm run audit:verify", () => {
  it("on PGlite (DATA_DIR): exits 0 when intact, 1 naming the first broken link", async () => {
    const dataDir = tempDir();
    const rows = await withDataFolder(dataDir, async (conn) => {
      await conn.migrate();
      const made = await append(conn.prisma, 3);
      await writeAuditCheckpoint({ db: conn.prisma, dir: dataDir, clock });
      return made;
    });
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.AUDIT_CHECKPOINT_KEY;

    const intact = await runVerify(env);
    expect(intact.stdout).toContain("Audit chain: 3 rows");
    expect(intact.stdout).toContain("1 checkpoints matched");
    expect(intact.stdout).toContain("Audit chain intact.");
    expect(intact.code).toBe(0);

    await withDataFolder(dataDir, (conn) =>
      asOwner(conn.prisma, () => conn.prisma.auditEvent.deleteMany({ where: { id: rows[2].id } })),
    );
    const broken = await runVerify(env);
    expect(broken.stderr).toContain(`Missing rows after a checkpoint: the chain ends at position 2 (row id ${rows[1].id})`);
    expect(broken.stdout).toContain("Audit chain NOT intact.");
    expect(broken.code).toBe(1);
  }, 300_000); // several PGlite opens and processes: slow on a loaded machine

  if (databaseKinds().includes("postgres")) it("on PostgreSQL, with the key from AUDIT_CHECKPOINT_KEY", async () => {
    const db = await freshDb("postgres");
    const dataDir = tempDir();
    const key = randomBytes(32).toString("base64url");
    const rows = await append(db.prisma, 3);
    await writeAuditCheckpoint({ db: db.prisma, dir: dataDir, key: Buffer.from(key), clock });
    expect(fs.existsSync(path.join(dataDir, "audit-key"))).toBe(false);
    if (db.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: db.target.url, AUDIT_CHECKPOINT_KEY: key };

    const intact = await runVerify(env);
    expect(intact.stdout).toContain("Audit chain intact.");
    expect(intact.code).toBe(0);

    await asOwner(db.prisma, () => db.prisma.auditEvent.update({ where: { id: rows[1].id }, data: { actorName: "someone else" } }));
    const broken = await runVerify(env);
    expect(broken.stderr).toContain(`Hash mismatch at row id ${rows[1].id} (position 2)`);
    expect(broken.code).toBe(1);

    const forged = await runVerify({ ...env, AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64url") });
    expect(forged.stderr).toContain("Checkpoint line 1 is forged");
    expect(forged.code).toBe(1);
  }, 300_000); // several PGlite opens and processes: slow on a loaded machine
});
