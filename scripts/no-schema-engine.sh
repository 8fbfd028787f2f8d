#!/bin/sh
# Prisma's CLI wants a schema-engine binary it would download; these machines cannot.
# Migrations are applied by scripts/migrate.ts instead. Exit 1 so `prisma migrate` never
# pretends to have done something.
echo "schema engine not available: apply migrations with npm run db:migrate" >&2
exit 1
