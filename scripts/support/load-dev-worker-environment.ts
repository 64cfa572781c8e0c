import { loadEnvConfig } from "@next/env";
import { getEnv, InvalidEnvironmentError } from "@/lib/env";
import { applyDevDefaults } from "./apply-dev-defaults";
import { ROOT } from "./root";

/**
 * A development worker beside `npm run dev`: the same generated keys and mail
 * folder, but no database of its own; DATABASE_URL must name the one the dev
 * server uses.
 */
export function loadDevWorkerEnvironment(options: { log: (message: string) => void; fail: (message: string) => never }): void {
  loadEnvConfig(ROOT, true, { info: () => {}, error: options.log });
  if (!process.env.DATABASE_URL) {
    options.fail("DATABASE_URL is not set: point it at the database `npm run dev` uses (its address is printed at start).");
  }
  applyDevDefaults(options);
  try {
    getEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) options.fail(error.message);
    throw error;
  }
}
