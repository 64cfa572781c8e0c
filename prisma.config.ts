import { defineConfig } from "prisma/config";

// The Prisma CLI is optional here: migrations are applied by `npm run db:migrate`
// (lib/db/migrations), which keeps Prisma Migrate's bookkeeping, so on a machine
// that can reach Prisma's binaries `prisma migrate status/deploy` agree with it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/iop_intake" },
});
