import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { getEnv, InvalidEnvironmentError, type Env } from "@/lib/env";
import { runPreflightChecks } from "@/lib/startup/preflight/run-preflight-checks";
import { StartupRefusedError } from "@/lib/startup/startup-refused-error";
import { ROOT } from "./root";

/**
 * Production start-up up to the point of serving: the environment (and .env
 * files) validated with production's rules, then the pre-flight checks as the
 * runtime role. Nothing is filled in and nothing is written; any failure
 * prints one message and exits non-zero.
 */
export async function loadProductionEnvironment(options: { log: (message: string) => void; fail: (message: string) => never }): Promise<Env> {
  loadEnvConfig(ROOT, false, { info: () => {}, error: options.log });
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      options.fail(`${error.message}\nSee .env.example and docs/operations.md ("Configuration (fail-closed start)").`);
    }
    throw error;
  }
  try {
    await runPreflightChecks({ databaseUrl: env.DATABASE_URL, migrationsDir: path.join(ROOT, "prisma", "migrations"), log: options.log });
  } catch (error) {
    if (error instanceof StartupRefusedError) options.fail(error.message);
    throw error;
  }
  return env;
}
