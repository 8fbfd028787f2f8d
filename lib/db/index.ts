import "server-only";
import path from "node:path";
import { dataDir, env } from "../env.ts";
import { connect, type Connection, type Target } from "./connect.ts";

export type { Db } from "./connect.ts";
export { Prisma } from "./generated/client.ts";
export type * from "./generated/models.ts";
export * from "./generated/enums.ts";

export function configuredTarget(): Target {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL }
    : { kind: "pglite", dir: path.join(dataDir, "db") };
}

// One connection per process: PGlite allows one opener per folder, and dev reloads must reuse it.
const holder = globalThis as unknown as { __recordTogetherDb?: Promise<Connection> };

export function getConnection(): Promise<Connection> {
  holder.__recordTogetherDb ??= connect(configuredTarget());
  return holder.__recordTogetherDb;
}

export async function getDb() {
  return (await getConnection()).prisma;
}
