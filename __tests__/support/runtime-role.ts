import pg from "pg";

/** The login role integration tests run the app as: a member of iop_runtime, nothing more. */
export const TEST_RUNTIME_ROLE = "iop_test_runtime";
// Only for servers that ask for one (the embedded test server); trust auth ignores it.
const TEST_RUNTIME_PASSWORD = "iop_test_runtime";

/** `url` with the runtime login role as its user. */
export function asRuntimeRole(url: string): string {
  const parsed = new URL(url);
  parsed.username = TEST_RUNTIME_ROLE;
  parsed.password = TEST_RUNTIME_PASSWORD;
  return parsed.toString();
}

/**
 * Creates the login role on the test server when it is missing. Roles belong
 * to the whole server, so parallel runs may race to create it: losing is fine.
 * Its privileges come from the migration runner (membership of iop_runtime).
 */
export async function ensureRuntimeLoginRole(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: "test-runtime-role" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [TEST_RUNTIME_ROLE]);
    if (found.rowCount) return;
    await client
      .query(`CREATE ROLE ${pg.escapeIdentifier(TEST_RUNTIME_ROLE)} LOGIN PASSWORD '${TEST_RUNTIME_PASSWORD}'`)
      .catch((error: { code?: string }) => {
        if (error.code !== "42710" && error.code !== "23505") throw error;
      });
  } finally {
    await client.end();
  }
}
