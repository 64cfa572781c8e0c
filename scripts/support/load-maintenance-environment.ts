import { loadEnvConfig } from "@next/env";
import { getEnv, InvalidEnvironmentError } from "@/lib/env";
import { prepareDevEnvironment } from "./prepare-dev-environment";
import { ROOT } from "./root";

/**
 * The environment for a maintenance command (key rotation, lookup re-hash).
 * In production: the variables validated with production's rules and nothing
 * filled in — but no pre-flight key check, because these commands exist to
 * run while the keys and the data disagree. Elsewhere: the dev database and keys.
 */
export async function loadMaintenanceEnvironment(options: { log: (message: string) => void }): Promise<{ stop(): Promise<void> }> {
  if (process.env.NODE_ENV !== "production") return prepareDevEnvironment(options);
  loadEnvConfig(ROOT, false, { info: () => {}, error: options.log });
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    options.log(error.message);
    process.exit(1);
  }
  return { stop: async () => {} };
}
