import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, socketUrl, type Connection } from "../../lib/db/connect.ts";
import type { PgliteHost } from "../../lib/db/pglite-host.ts";
import { fixedClock } from "../../lib/clock.ts";
import { CHUNK_BYTES } from "../../lib/files/database-file-store.ts";
import { makeAccount } from "../helpers/account-fixtures.ts";
import { runScript } from "../helpers/cli.ts";
import { readPieces, testFileStore } from "../helpers/files.ts";

// The embedded database served over the portal's private socket: the command-line tools work
// while the portal runs, and connections sharing PGlite's single session never see each other's
// half-done work.

let dataDir: string;
let owner: Connection;
let host: PgliteHost;
let url: string;
let username: string;

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rt-pglite-host-"));
  owner = await connect({ kind: "pglite", dir: path.join(dataDir, "db") });
  await owner.migrate();
  username = (await makeAccount(owner.prisma, fixedClock("2026-12-02T09:00:00Z"), { role: "admin" })).username;
  host = await owner.serve!();
  url = socketUrl(path.join(dataDir, "db"));
});

afterAll(async () => {
  await host?.close();
  await owner?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database served over a socket", () => {
  it("is a socket only its owner can open", () => {
    const mode = fs.statSync(host.socketPath).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(fs.statSync(path.dirname(host.socketPath)).mode & 0o777).toBe(0o700);
  });

  it("lets the accounts command cut someone off while the portal holds the database", async () => {
    const result = await runScript("scripts/accounts.ts", ["disable", "--username", username], dataDir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Disabled /);
    const c = await client();
    try {
      const { rows } = await c.query(`SELECT "disabledAt" FROM "User" WHERE username = $1`, [username]);
      expect(rows[0].disabledAt).not.toBeNull();
      const audit = await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'account.disable'`);
      expect(audit.rows[0].n).toBe(1);
    } finally {
      await c.end();
    }
  });

  it("keeps a transaction to itself until it commits", async () => {
    const [a, b] = [await client(), await client()];
    try {
      await a.query("BEGIN");
      await a.query(`INSERT INTO "Team" (id, name) VALUES (gen_random_uuid(), 'Hidden until commit')`);
      let seen: number | null = null;
      const reading = b.query(`SELECT count(*)::int AS n FROM "Team" WHERE name = 'Hidden until commit'`).then((r) => (seen = r.rows[0].n));
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toBeNull(); // b waits its turn rather than reading inside a's transaction
      await a.query("COMMIT");
      await reading;
      expect(seen).toBe(1);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("answers each of many parallel parameterised queries with its own result", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, n) => pool.query("SELECT $1::int AS n, $2::text AS s", [n, `v${n}`])),
      );
      answers.forEach((r, n) => expect(r.rows[0]).toEqual({ n, s: `v${n}` }));
    } finally {
      await pool.end();
    }
  });

  it("rolls back a connection that goes away inside a transaction, and carries on", async () => {
    const a = await client();
    await a.query("BEGIN");
    await a.query(`INSERT INTO "Team" (id, name) VALUES (gen_random_uuid(), 'Never committed')`);
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    a.on("error", () => {});
    const b = await client();
    try {
      const { rows } = await b.query(`SELECT count(*)::int AS n FROM "Team" WHERE name = 'Never committed'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await b.end();
    }
  });

  it("stores a file and streams it back through the socket, as the portal does", async () => {
    const portal = await connect({ kind: "postgres", url });
    try {
      const bytes = randomBytes(CHUNK_BYTES * 2 + 7);
      const blob = await portal.prisma.$transaction((tx) => testFileStore.put(tx, bytes));
      const pieces = await readPieces(await testFileStore.open(portal.prisma, blob.storageKey));
      expect(pieces.map((p) => p.byteLength)).toEqual([CHUNK_BYTES, CHUNK_BYTES, 7]);
      expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
    } finally {
      await portal.close();
    }
  });
});
