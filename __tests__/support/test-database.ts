import { randomBytes } from "node:crypto";
import pg from "pg";
import { buildDatabaseUrl } from "@/lib/db/embedded/build-database-url";
import { asRuntimeRole } from "./runtime-role";

type Teardown = () => void | Promise<void>;

// Per test file: Jest gives every file its own module registry.
const teardowns: Teardown[] = [];

/** Runs `fn` after each test file's tests, before its database is dropped (e.g. to disconnect Prisma). */
export function onTestDatabaseTeardown(fn: Teardown): void {
  teardowns.push(fn);
}

function readSettings(): { serverUrl: string; template: string } {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!serverUrl || !template) {
    throw new Error("No test database server: run integration tests with `jest --selectProjects integration`.");
  }
  return { serverUrl, template };
}

async function withServer(serverUrl: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: "test-database" });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

// 55006: the template has another session (PostgreSQL copies only an idle
// database); that session is short-lived, so waiting a moment is enough.
async function cloneTemplate(client: pg.Client, template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Gives the calling test file its own database, cloned from the migrated
 * template, and points DATABASE_URL at it as the runtime role (iop_test_runtime,
 * a member of iop_runtime): the app under test has exactly production's
 * privileges, so a missing grant fails a test. `ownerUrl` connects as the
 * owner, for the rare fixture that must do what the app may not.
 * Call at the top level of the file.
 */
export function provideTestDatabase(): { readonly url: string; readonly ownerUrl: string } {
  let url: string | undefined;
  let ownerUrl: string | undefined;
  let name: string | undefined;
  let previousUrl: string | undefined;

  beforeAll(async () => {
    const { serverUrl, template } = readSettings();
    const created = `t_${randomBytes(8).toString("hex")}`;
    await withServer(serverUrl, (client) => cloneTemplate(client, template, created));
    name = created;
    ownerUrl = buildDatabaseUrl({ serverUrl, name: created });
    url = asRuntimeRole(ownerUrl);
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
  });

  afterAll(async () => {
    const failures: unknown[] = [];
    for (const teardown of teardowns) await Promise.resolve().then(teardown).catch((e: unknown) => failures.push(e));
    if (name) {
      const dropped = name;
      await withServer(readSettings().serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dropped)} WITH (FORCE)`);
      });
    }
    if (process.env.DATABASE_URL === url) {
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
    }
    if (failures.length > 0) throw new AggregateError(failures, "test database teardown failed");
  });

  return {
    get url() {
      if (!url) throw new Error("provideTestDatabase().url is set in beforeAll; read it inside a test or hook.");
      return url;
    },
    get ownerUrl() {
      if (!ownerUrl) throw new Error("provideTestDatabase().ownerUrl is set in beforeAll; read it inside a test or hook.");
      return ownerUrl;
    },
  };
}
