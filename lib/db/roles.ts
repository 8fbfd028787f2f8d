import pg from "pg";
import type { SqlRunner } from "./migrate.ts";

// Two PostgreSQL roles (README "Two database roles"): the owner runs migrations and owns every
// table and trigger; the app's role gets ordinary DML, but only INSERT and SELECT on append-only
// tables. Only a table's owner (or a superuser) may disable its triggers, so the app's role can
// neither rewrite history nor switch off the triggers that forbid it.

/** The role a connection string logs in as (asked of the server: the URL may leave it implicit). */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query<{ role: string }>("SELECT current_user AS role")).rows[0].role);
  } finally {
    await client.end();
  }
}

// Append-only tables are those guarded by the forbid_change trigger, so a table a later
// migration makes append-only is covered without editing this list.
const APPEND_ONLY_TABLES_SQL = `
  SELECT DISTINCT c.relname AS name
  FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_proc p ON p.oid = t.tgfoid
  WHERE p.proname = 'forbid_change' AND n.nspname = current_schema() AND NOT t.tgisinternal
  ORDER BY 1`;

/** The current schema's append-only tables, by name. */
export async function appendOnlyTables(db: SqlRunner): Promise<string[]> {
  return (await db.query(APPEND_ONLY_TABLES_SQL)).map((r) => String(r.name));
}

/**
 * Grants the app's role what it needs on the current schema, run by the owner after migrating
 * (under the migration lock: concurrent GRANTs on one object can fail). Idempotent; does nothing
 * when the app connects as the owner itself (one role, as on PGlite).
 */
export async function grantAppRole(db: SqlRunner, appRole: string): Promise<void> {
  const [{ owner, schema }] = await db.query("SELECT current_user AS owner, current_schema() AS schema");
  if (owner === appRole) return;
  await refuseOverpoweredRole(db, appRole, String(owner));
  const app = quoteIdent(appRole);
  const s = quoteIdent(String(schema));
  const appendOnly = (await appendOnlyTables(db)).map(quoteIdent);
  const statements = [
    `GRANT USAGE ON SCHEMA ${s} TO ${app}`,
    `REVOKE CREATE ON SCHEMA ${s} FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${s} FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`,
    // History: add and read, never change or remove.
    ...appendOnly.map((t) => `REVOKE UPDATE, DELETE ON ${s}.${t} FROM ${app}`),
    // The migration ledger is the owner's to write; the app's tools may read it (to find
    // nothing pending).
    `REVOKE ALL ON ${s}."_prisma_migrations" FROM ${app}`,
    `GRANT SELECT ON ${s}."_prisma_migrations" TO ${app}`,
    // Tables and sequences later migrations create (as this owner) are usable at once; the
    // append-only revokes above run again after every migration.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
  ];
  for (const sql of statements) await db.exec(sql);
}

// A superuser, or a member of the owner's role, could still disable triggers: refuse to pretend
// that two roles protect anything when they do not.
async function refuseOverpoweredRole(db: SqlRunner, appRole: string, owner: string): Promise<void> {
  const [row] = await db.query(
    `SELECT r.rolsuper AS superuser, pg_has_role(r.oid, $2::name, 'USAGE') AS "actsAsOwner"
     FROM pg_roles r WHERE r.rolname = $1`,
    [appRole, owner],
  );
  if (!row) throw new Error(`The app's database role (${appRole}) does not exist.`);
  if (row.superuser || row.actsAsOwner) {
    throw new Error(
      `The app's database role (${appRole}) is a superuser or can act as the owner (${owner}), so it could disable the append-only triggers. Give DATABASE_URL an ordinary login role.`,
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
