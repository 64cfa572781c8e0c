import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { asRuntimeRole } from "@/__tests__/support/runtime-role";
import { appProcessEnvironment } from "@/__tests__/kit/app-environment";
import { freePort } from "@/__tests__/kit/free-port";
import { RESULTS_DIR } from "./support/paths";
import { e2eSettings } from "./support/settings";
import { submitPassword } from "./support/staff/staff-flows";
import { startAppServer, type AppServer } from "./support/start-app-server";

// Issue 10: the address the app records is the TCP peer's unless trusted
// proxies are configured, whatever forwarding headers the client sends; with
// N trusted proxies it is the Nth X-Forwarded-For entry from the right. Run
// against the production server (scripts/start.ts), through a real sign-in
// server action (which also shows Next's Origin check still holds behind our
// server, with a forged X-Forwarded-Host dropped): a failed sign-in writes
// staff.sign_in.failed with the address it decided on.

test.describe.configure({ mode: "serial" });

const FORGED = {
  "X-Forwarded-For": "6.6.6.6",
  "X-Real-IP": "7.7.7.7",
  Forwarded: "for=8.8.8.8",
  "X-Forwarded-Host": "evil.example",
};

async function recordedAddress(userAgent: string): Promise<string | null | undefined> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ipAddress: string | null }>(
      `SELECT "ipAddress" FROM "AuditEvent" WHERE "action" = 'staff.sign_in.failed' AND "userAgent" = $1 ORDER BY "id" DESC LIMIT 1`,
      [userAgent],
    );
    return rows[0]?.ipAddress;
  } finally {
    await client.end();
  }
}

async function failSignIn(browser: Browser, options: { baseUrl: string; headers: Record<string, string> }): Promise<string | null | undefined> {
  const userAgent = `e2e-client-address-${randomBytes(6).toString("hex")}`;
  const context = await browser.newContext({ baseURL: options.baseUrl, userAgent, extraHTTPHeaders: options.headers });
  try {
    const page = await context.newPage();
    await page.goto("/staff/sign-in");
    await submitPassword(page, { email: `nobody-${randomBytes(4).toString("hex")}@clinic.example`, password: "not the password 123" });
    await expect.poll(() => recordedAddress(userAgent), { timeout: 20_000 }).not.toBeUndefined();
    return await recordedAddress(userAgent);
  } finally {
    await context.close();
  }
}

/** Another production server on the suite's database, trusting `hops` proxies. */
async function startBehindProxies(hops: number): Promise<AppServer> {
  const port = await freePort(0);
  return startAppServer({
    port,
    logFile: path.join(RESULTS_DIR, `e2e-server-hops-${hops}.log`),
    env: appProcessEnvironment({
      databaseUrl: asRuntimeRole(e2eSettings().databaseUrl),
      // It sends no mail: no worker runs, and nothing listens there.
      smtpPort: 1,
      publicUrl: `http://127.0.0.1:${port}`,
      notifyTo: e2eSettings().notifyTo,
      // The same installation: its keys must open the data (start-up checks).
      secrets: e2eSettings().keys,
      settings: { WORKER_IN_PROCESS: "false", TRUST_PROXY_HOPS: String(hops) },
    }),
  });
}

test("with no trusted proxy, forged forwarding headers change nothing: the TCP peer is recorded", async ({ browser }) => {
  expect(await failSignIn(browser, { baseUrl: e2eSettings().baseUrl, headers: FORGED })).toBe("127.0.0.1");
  expect(await failSignIn(browser, { baseUrl: e2eSettings().baseUrl, headers: {} })).toBe("127.0.0.1");
});

for (const [hops, forwardedFor, client] of [
  [1, "6.6.6.6, 198.51.100.7", "198.51.100.7"],
  [2, "6.6.6.6, 198.51.100.8, 10.0.0.3", "198.51.100.8"],
] as const) {
  test(`with ${hops} trusted prox${hops === 1 ? "y" : "ies"}, the entry ${hops} from the right is the client`, async ({ browser }) => {
    test.setTimeout(240_000);
    const server = await startBehindProxies(hops);
    try {
      expect(await failSignIn(browser, { baseUrl: server.url, headers: { "X-Forwarded-For": forwardedFor } })).toBe(client);
    } finally {
      await server.stop();
    }
  });
}
