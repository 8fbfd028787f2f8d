import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { grantAppRole } from "./roles.ts";

// Applies prisma/migrations/*/migration.sql without Prisma's schema engine (which cannot be
// downloaded here), recording each in _prisma_migrations exactly as `prisma migrate deploy`
// would, so a machine that has the engine can take over the same database later.

export type SqlRunner = {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
};

// The advisory lock key Prisma Migrate itself uses, so we also exclude a concurrent `migrate deploy`.
const PRISMA_MIGRATE_LOCK = 72707369;

// Resolved from the working directory (npm scripts and the server run from the project root);
// import.meta.dirname does not exist inside Next's server bundle.
export const migrationsDir = path.join(process.cwd(), "prisma", "migrations");

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

export type MigrateOptions = {
  /** The app's own role, when it is not the role migrating: granted what it needs afterwards. */
  appRole?: string;
};

/** Applies pending migrations; safe when several app nodes start at once. Returns names applied. */
export async function migrate(
  db: SqlRunner,
  migrations: Migration[] = readMigrations(),
  options: MigrateOptions = {},
): Promise<string[]> {
  await db.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  try {
    // Only when missing: CREATE TABLE IF NOT EXISTS needs CREATE on the schema even when the
    // table exists, and a command-line tool running as the app's role has none.
    const [ledger] = await db.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    if (!ledger?.present) await db.exec(CREATE_TABLE);
    const rows = await db.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
        continue;
      }
      await applyOne(db, m);
      done.push(m.name);
    }
    if (options.appRole) await grantAppRole(db, options.appRole);
    return done;
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
  }
}

async function applyOne(db: SqlRunner, m: Migration): Promise<void> {
  const id = randomUUID();
  await db.exec("BEGIN");
  try {
    await db.exec(m.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [id, m.checksum, m.name],
    );
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK");
    throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
  }
}
