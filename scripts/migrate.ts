// `npm run db:migrate`: applies pending migrations to the configured database, then moves files
// from the old file folder into it.
import { getConnection } from "../lib/db/index.ts";
import { moveFilesIntoDatabase } from "./move-files.ts";

const conn = await getConnection();
try {
  const applied = await conn.migrate();
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  await moveFilesIntoDatabase(conn.prisma);
} finally {
  await conn.close();
}
