// `npm run bench:import`: how fast a case-record extract of new entries imports.
//
// Generates a realistic 10,100-entry extract (tests/helpers/import-extract.ts: 101 children of 100
// entries, with their families, sections, translations, restrictions, exclusions and a few
// attachments), imports it with importRecords into a fresh, migrated PostgreSQL database, and
// prints entries per second for the whole import (reading, validation, attachments and the one
// transaction). The requirement is at least 2,000 entries/s on PostgreSQL: it prints PASS or FAIL
// and exits non-zero on FAIL. Importing the same file again (every entry unchanged) and the same
// on an in-memory PGlite are printed for information. Before measuring, a five-entry extract is
// imported once so that compiling the schema validator and warming the JIT are not counted. The
// machine's load average is printed too: on a machine shared with other work the figure falls
// with the CPU time left to the benchmark and to PostgreSQL.
//
// Settings (environment): BENCH_CHILDREN (101), BENCH_PER_CHILD (100). TEST_DATABASE_URL picks
// the PostgreSQL server (else 127.0.0.1:5432, else a throw-away server).
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { connect, type Connection } from "../../lib/db/connect.ts";
import { createDatabaseFileStore } from "../../lib/files/index.ts";
import { importRecords } from "../../lib/imports/index.ts";
import { findPostgres } from "../../scripts/lib/postgres.ts";
import { makeExtract } from "../helpers/import-extract.ts";

const CHILDREN = intEnv("BENCH_CHILDREN", 101);
const PER_CHILD = intEnv("BENCH_PER_CHILD", 100);
const REQUIRED = 2_000;
const actor = { userId: null, role: "system", displayName: "import benchmark" } as const;
const clock = { now: () => new Date() };

const cleanups: (() => Promise<void> | void)[] = [];
try {
  process.exitCode = await main();
} catch (error) {
  console.error("\nbench:import: failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((e: unknown) => console.error("cleanup:", e));
}

async function main(): Promise<number> {
  const raw = Buffer.from(JSON.stringify(makeExtract({ children: CHILDREN, perChild: PER_CHILD, tag: "B" })));
  const total = CHILDREN * PER_CHILD;
  console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.availableParallelism()} CPUs`);
  console.log(`Extract: ${total.toLocaleString("en-GB")} entries for ${CHILDREN} children, ${(raw.byteLength / 1024 / 1024).toFixed(1)} MB`);

  const server = await findPostgres();
  if (!server) throw new Error("no PostgreSQL: set TEST_DATABASE_URL or install PostgreSQL");
  cleanups.push(() => server.stop());
  const name = `rt_bench_import_${randomBytes(5).toString("hex")}`;
  await sql(server.url, `CREATE DATABASE "${name}"`);
  cleanups.push(async () => void (await sql(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  console.log(`PostgreSQL ${await sql(server.url, "SHOW server_version")} at ${url.host}, database ${name}`);

  const postgres = await measure(await connect({ kind: "postgres", url: url.href }), raw, total);
  const pglite = await measure(await connect({ kind: "pglite", dir: null }), raw, total);

  const pass = postgres.first >= REQUIRED;
  console.log("");
  console.log(`PostgreSQL: ${rate(postgres.first)} new entries/s; again, all unchanged: ${rate(postgres.again)} entries/s`);
  console.log(`PGlite (for information): ${rate(pglite.first)} new entries/s; again, all unchanged: ${rate(pglite.again)} entries/s`);
  console.log(`${pass ? "PASS" : "FAIL"}: new entries on PostgreSQL ${rate(postgres.first)}/s (required >= ${rate(REQUIRED)}/s)`);
  return pass ? 0 : 1;
}

/** Imports the extract twice into a freshly migrated database; entries per second for each. */
async function measure(conn: Connection, raw: Buffer, total: number): Promise<{ first: number; again: number }> {
  try {
    await conn.migrate();
    const files = createDatabaseFileStore();
    const warmUp = Buffer.from(JSON.stringify(makeExtract({ children: 1, perChild: 5, tag: "W" })));
    const run = async (bytes: Buffer) => {
      const result = await importRecords({ db: conn.prisma, files, clock, actor, raw: bytes, fileName: "bench.json" });
      if (!result.ok) throw new Error(`the extract was refused: ${JSON.stringify(result.problems.slice(0, 5))}`);
      return result.summary;
    };
    await run(warmUp);
    const once = async (label: string) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { created, unchanged } = (await run(raw)).entries;
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(`${conn.target.kind} ${label}: ${created} created, ${unchanged} unchanged in ${seconds.toFixed(2)} s (this process used ${cpuSeconds.toFixed(2)} s of CPU)`);
      return total / seconds;
    };
    return { first: await once("first import"), again: await once("same file again") };
  } finally {
    await conn.close();
  }
}

function rate(value: number): string {
  return Math.round(value).toLocaleString("en-GB");
}

async function sql(url: string, text: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return String(Object.values(result.rows[0] ?? {})[0] ?? "");
  } finally {
    await client.end();
  }
}

function intEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
