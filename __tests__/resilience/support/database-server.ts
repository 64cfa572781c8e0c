import pg from "pg";

// The PostgreSQL server the suite runs against: TEST_DATABASE_URL (CI's
// server) or the embedded one global-setup.ts started, handed over in this variable.
export const SERVER_URL_VARIABLE = "RESILIENCE_DATABASE_SERVER_URL";

export function databaseServerUrl(): string {
  const url = process.env[SERVER_URL_VARIABLE];
  if (!url) throw new Error(`${SERVER_URL_VARIABLE} is not set: run the suite with \`npm run test:resilience\`.`);
  return url;
}

/** Runs `work` on a short-lived connection to `url`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "resilience-suite" });
  // A backend terminated under the client (scenario 3 does that on purpose)
  // must fail the pending query, not crash the test process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
