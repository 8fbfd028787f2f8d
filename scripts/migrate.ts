// `npm run db:migrate`: applies pending migrations to the configured database.
import { getConnection } from "../lib/db/index.ts";

const conn = await getConnection();
try {
  const applied = await conn.migrate();
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await conn.close();
}
