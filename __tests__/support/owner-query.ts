import pg from "pg";

/**
 * One statement as the test database's owner, for a fixture that must do what
 * the app's runtime role may not (change a constraint, add a trigger).
 */
export async function queryAsOwner(ownerUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
