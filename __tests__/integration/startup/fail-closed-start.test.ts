import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { runScript } from "@/__tests__/support/run-script";
import { provideTestDatabase } from "@/__tests__/support/test-database";
import { queryAsOwner } from "@/__tests__/support/owner-query";

// Issue 10: `npm start` and a production `npm run worker` refuse to start
// without their configuration (one message naming what is missing), exit
// non-zero within seconds and write nothing: no generated keys, no embedded
// database, no mail folder.
const database = provideTestDatabase();
const key = () => randomBytes(32).toString("base64");
const REQUIRED = ["DATABASE_URL", "SMTP_URL", "INTAKE_NOTIFY_TO", "PUBLIC_URL", "FIELD_ENCRYPTION_KEY", "LOOKUP_HMAC_KEY", "APP_SECRET"] as const;
// Well above a cold tsx start on a busy machine; far below "hangs waiting for a database".
const WITHIN_MS = 30_000;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "iop-fail-closed-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function completeEnv(dataDir: string): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    SMTP_URL: "smtp://127.0.0.1:2525",
    INTAKE_NOTIFY_TO: "intake@clinic.example",
    PUBLIC_URL: "https://intake.clinic.example",
    FIELD_ENCRYPTION_KEY: `k1:${key()}`,
    LOOKUP_HMAC_KEY: key(),
    APP_SECRET: key(),
    IOP_DATA_DIR: dataDir,
    // Ports no test listens on: were it to start after all, nothing would answer.
    PORT: "1",
  };
}

function freshDataDir(name: string): string {
  return path.join(scratch, name);
}

describe.each([
  ["npm start", "scripts/start.ts", undefined, {}],
  ["npm run worker", "scripts/worker.ts", "react-server", { NODE_ENV: "production" }],
] as const)("%s", (_label, script, conditions, extra) => {
  it.each(REQUIRED)("refuses to start without %s, names it, and writes nothing", async (name) => {
    const dataDir = freshDataDir(`${path.basename(script)}-${name}`);
    const env: Record<string, string> = { ...completeEnv(dataDir), ...extra };
    delete env[name];
    const run = await runScript({ script, conditions, env, timeoutMs: WITHIN_MS });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(new RegExp(`^ {2}${name}: is not set`, "m"));
    expect(run.ms).toBeLessThan(WITHIN_MS);
    expect(existsSync(dataDir)).toBe(false);
  });
});

it("npm start names every missing variable in one message", async () => {
  const dataDir = freshDataDir("nothing-set");
  const run = await runScript({ script: "scripts/start.ts", env: { IOP_DATA_DIR: dataDir }, timeoutMs: WITHIN_MS });
  expect(run.code).toBe(1);
  for (const name of REQUIRED) expect(run.output).toMatch(new RegExp(`^ {2}${name}: `, "m"));
  expect(run.output.match(/refusing to start/g)).toHaveLength(1);
  expect(existsSync(dataDir)).toBe(false);
});

it("npm start refuses the development mail folder and an SMTP_URL that could turn TLS off", async () => {
  const dataDir = freshDataDir("weakened");
  const env = { ...completeEnv(dataDir), MAIL_SINK_DIR: path.join(dataDir, "mail"), SMTP_URL: "smtp://mail.example.org:587?tls.rejectUnauthorized=false" };
  const run = await runScript({ script: "scripts/start.ts", env, timeoutMs: WITHIN_MS });
  expect(run.code).toBe(1);
  expect(run.output).toMatch(/^ {2}MAIL_SINK_DIR: must not be set in production/m);
  expect(run.output).toMatch(/^ {2}SMTP_URL: must not carry options/m);
  expect(existsSync(dataDir)).toBe(false);
});

it("npm start refuses a database with a migration missing, and says to run npm run db:migrate", async () => {
  const dataDir = freshDataDir("unmigrated");
  const latest = readdirSync(path.resolve(__dirname, "../../../prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  await queryAsOwner(database.ownerUrl, `DELETE FROM _prisma_migrations WHERE migration_name = '${latest}'`);
  const run = await runScript({ script: "scripts/start.ts", env: completeEnv(dataDir), timeoutMs: WITHIN_MS });
  expect(run.code).toBe(1);
  expect(run.output).toContain(`1 migration(s) not applied to this database: ${latest}`);
  expect(run.output).toContain("npm run db:migrate");
  expect(existsSync(dataDir)).toBe(false);
});
