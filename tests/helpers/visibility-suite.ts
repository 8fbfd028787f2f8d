import { afterAll, beforeAll } from "vitest";
import type { Clock } from "../../lib/clock.ts";
import { createDatabaseFileStore } from "../../lib/files/index.ts";
import { createTestDb, type DbKind, type TestDb } from "./db.ts";
import { seedVisibilityFixture, type VisibilityFixture } from "./record-fixtures.ts";

export type Who = keyof VisibilityFixture["accounts"];

/**
 * Inside a describe: a fresh database of this kind holding the visibility fixture (records A, B
 * and T with their accounts), made before the tests and dropped after, and the shorthands the
 * tests use: the client, the fixture, an account's actor, an entry of record A by its label.
 */
export function useVisibilityFixture(kind: DbKind, clock: Clock) {
  const store = createDatabaseFileStore();
  let db: TestDb | undefined;
  let fx: VisibilityFixture | undefined;
  beforeAll(async () => {
    db = await createTestDb(kind);
    fx = await seedVisibilityFixture(db.prisma, store, clock);
  });
  afterAll(async () => db?.drop());
  const fixture = () => fx!;
  return {
    store,
    prisma: () => db!.prisma,
    fx: fixture,
    actor: (who: Who) => fixture().accounts[who].actor,
    entry: (label: string) => fixture().A.entries.get(label)!,
  };
}
