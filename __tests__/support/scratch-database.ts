import { randomBytes } from "node:crypto";
import { Client } from "pg";

export type ScratchDatabase = { url: string; drop(): Promise<void> };

/**
 * Creates a fresh, empty database on the server named by TEST_DATABASE_URL
 * (set by the integration project's global setup) and returns its URL. Each
 * test file gets its own, so files can run in parallel without sharing state.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error("TEST_DATABASE_URL is not set; run integration tests through `npm run test:integration`.");
  }
  const name = `scratch_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdminClient(serverUrl: string, work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
