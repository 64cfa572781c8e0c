import { loadEnvConfig } from "@next/env";
import { getEnv, InvalidEnvironmentError } from "@/lib/env";
import { prepareDevEnvironment } from "./prepare-dev-environment";
import { ROOT } from "./root";

/**
 * The environment for a maintenance command (key rotation, lookup re-hash).
 * Production unless NODE_ENV says development or test (like `npm run worker`):
 * an operator who forgets NODE_ENV on a server gets a refusal naming what is
 * missing, never generated keys. In production the variables are validated
 * with production's rules and nothing is filled in — but there is no
 * pre-flight key check, because these commands exist to run while the keys
 * and the data disagree. In development: the dev database and keys.
 */
export async function loadMaintenanceEnvironment(options: { log: (message: string) => void }): Promise<{ stop(): Promise<void> }> {
  if (process.env.NODE_ENV === "development" || process.env.NODE_ENV === "test") return prepareDevEnvironment(options);
  Object.assign(process.env, { NODE_ENV: "production" });
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
