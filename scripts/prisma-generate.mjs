// Runs `prisma generate` on install. Generation is WebAssembly and needs no
// schema engine, but the CLI insists on a schema-engine binary being present;
// on machines that cannot download it (locked-down clinic servers, our CI) we
// point PRISMA_SCHEMA_ENGINE_BINARY at an existing file so generation proceeds.
// Migrations never use that engine: see lib/db/migrations.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
