import { randomBytes } from "node:crypto";
import { asRuntimeRole } from "../../support/runtime-role";
import { DIST_DIR } from "./paths";
import { OUTBOX_LEASE_MS } from "./settings";

export type AppSecrets = { FIELD_ENCRYPTION_KEY: string; LOOKUP_HMAC_KEY: string; APP_SECRET: string };

export const NOTIFY_TO = "intake-team@clinic.example";

/** Fresh random keys per scenario: nothing in the suite can depend on a fixed key. */
export function randomSecrets(): AppSecrets {
  const key = () => randomBytes(32).toString("base64");
  return { FIELD_ENCRYPTION_KEY: `res:${key()}`, LOOKUP_HMAC_KEY: key(), APP_SECRET: key() };
}

// Set in a developer's shell, these would change what a scenario sets up.
const INHERITED_BUT_IGNORED = ["MAIL_SINK_DIR", "FIELD_ENCRYPTION_PREVIOUS_KEYS", "TRUST_PROXY_HOPS", "LOG_LEVEL", "NODE_OPTIONS"];

/**
 * The environment of `npm start` and `npm run worker` in a scenario, connected
 * as the runtime login role (fresh-database.ts granted it): the
 * production build in DIST_DIR, real SMTP, no minimum fill time (the clients
 * submit at once), fast polling and retries so recovery is observable within
 * the test, and rate limits high enough never to refuse the load (scenario 4
 * overrides them).
 */
export function appEnvironment(options: {
  databaseUrl: string;
  smtpPort: number;
  publicUrl: string;
  secrets: AppSecrets;
  overrides?: Record<string, string>;
}): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of INHERITED_BUT_IGNORED) delete inherited[name];
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: asRuntimeRole(options.databaseUrl),
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    INTAKE_NOTIFY_TO: NOTIFY_TO,
    PUBLIC_URL: options.publicUrl,
    ...options.secrets,
    FORM_MIN_FILL_SECONDS: "0",
    NOTIFY_POLL_MS: "200",
    NOTIFY_RETRY_BASE_MS: "200",
    NOTIFY_LEASE_SECONDS: String(OUTBOX_LEASE_MS / 1000),
    RATE_LIMIT_IP_MAX: "1000000",
    RATE_LIMIT_GLOBAL_MAX: "1000000",
    WORKER_IN_PROCESS: "true",
    ...options.overrides,
  };
}
