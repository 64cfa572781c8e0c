import pg from "pg";

/** One short-lived connection: connect, run, always close. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "bench" });
  // A dropped connection would otherwise be an uncaught exception; the pending
  // query rejects anyway.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
