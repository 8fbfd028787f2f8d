import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { migrate, type Migration, type SqlRunner } from "./migrate.ts";
import { servePglite, SOCKET_NAME, type PgliteHost } from "./pglite-host.ts";
import { roleOf } from "./roles.ts";

export type Db = PrismaClient;

// migrationUrl: the owner's connection for migrations, when the app runs as a lesser role.
export type Target = { kind: "postgres"; url: string; migrationUrl?: string } | { kind: "pglite"; dir: string | null };

export type Connection = {
  prisma: PrismaClient;
  target: Target;
  /** Applies pending migrations (all of prisma/migrations unless a list is given, for tests). */
  migrate(migrations?: Migration[]): Promise<string[]>;
  /**
   * Only for the process that opened an embedded database folder itself: serves it to the
   * portal and the command-line tools over a private socket. From then on this process must use
   * the database through the socket too (connect again), never through `prisma` here.
   */
  serve?(): Promise<PgliteHost>;
  close(): Promise<void>;
};

// Opens the database the app runs on: PostgreSQL when a URL is given, otherwise the embedded
// PGlite in a folder (or in memory when dir is null, for tests).
export async function connect(target: Target): Promise<Connection> {
  return target.kind === "postgres" ? connectPostgres(target) : connectPglite(target);
}

async function connectPostgres(target: Extract<Target, { kind: "postgres" }>): Promise<Connection> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return {
    prisma,
    target,
    async migrate(migrations) {
      const appRole = target.migrationUrl ? await roleOf(target.url) : undefined;
      const client = new pg.Client({ connectionString: target.migrationUrl ?? target.url });
      await client.connect();
      try {
        const runner: SqlRunner = {
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => void (await client.query(sql)),
        };
        return await migrate(runner, migrations, { appRole });
      } finally {
        await client.end();
      }
    },
    close: () => prisma.$disconnect(),
  };
}

async function connectPglite(target: Extract<Target, { kind: "pglite" }>): Promise<Connection> {
  if (target.dir && servedByAnother(target.dir)) {
    return { ...(await connectPostgres({ kind: "postgres", url: socketUrl(target.dir) })), target };
  }
  const release = target.dir ? lockFolder(target.dir) : () => {};
  let pglite: PGlite;
  try {
    pglite = target.dir ? new PGlite(target.dir) : new PGlite();
    await pglite.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite's own exec awaits multi-statement SQL (the adapter's executeScript does not).
  const runner: SqlRunner = {
    query: async (sql, params) => (await pglite.query(sql, params as unknown[])).rows as Record<string, unknown>[],
    exec: async (sql) => void (await pglite.exec(sql)),
  };
  return {
    prisma,
    target,
    migrate: (migrations) => migrate(runner, migrations),
    serve: target.dir ? () => servePglite(pglite, socketDir(target.dir!)) : undefined,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

// The socket sits beside the database folder, not in it: the folder belongs to PGlite.
function socketDir(dir: string): string {
  return path.join(path.dirname(path.resolve(dir)), "run");
}

/** The embedded database, reached through the socket of the process that serves it. */
export function socketUrl(dir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir(dir))}`;
}

// Another live process holds the folder and serves it: the portal is running.
function servedByAnother(dir: string): boolean {
  const holder = lockHolder(dir);
  return holder !== null && holder !== process.pid && fs.existsSync(path.join(socketDir(dir), SOCKET_NAME));
}

function lockHolder(dir: string): number | null {
  try {
    const holder = Number(fs.readFileSync(path.join(dir, "portal.lock"), "utf8"));
    return holder && isAlive(holder) ? holder : null;
  } catch {
    return null;
  }
}

// Only one process may open a PGlite folder; a second would corrupt it. Fail with a clear message.
function lockFolder(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, "portal.lock");
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch {
    const holder = lockHolder(dir);
    if (holder !== null && holder !== process.pid) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${holder}, which does not share it (another command). Wait for it to finish, or set DATABASE_URL.`,
      );
    }
    fs.writeFileSync(lock, String(process.pid));
  }
  return () => fs.rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
