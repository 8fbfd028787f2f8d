import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI downloads a schema engine before generate/migrate; point it at a stub that fails
// loudly so `prisma generate` works offline and `prisma migrate` cannot silently no-op.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "../scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
});
