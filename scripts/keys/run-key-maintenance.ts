import { Pool } from "pg";
import type { Env } from "../../lib/env";
import { loadMaintenanceEnvironment } from "../support/load-maintenance-environment";

// The frame the key commands share: the maintenance environment, a small pool
// under the command's name, and both closed however the work ends. lib/env is
// imported only after the environment is loaded, since it reads it once.
export async function runKeyMaintenance(
  applicationName: string,
  work: (resources: { pool: Pool; env: Env }) => Promise<number>,
): Promise<number> {
  const local = await loadMaintenanceEnvironment({ log: (message) => console.error(message) });
  const { getEnv } = await import("../../lib/env");
  const env = getEnv();
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 2, application_name: applicationName });
  try {
    return await work({ pool, env });
  } finally {
    await pool.end();
    await local.stop();
  }
}
