import { randomBytes } from "node:crypto";
import { ENV_VARIABLE_NAMES } from "../../lib/env";

// The one builder of a production app process's environment, for the suites
// and the benchmark that start `npm start` / `npm run worker` as child
// processes (the Jest tests, which run the app in-process, use
// __tests__/support/app-environment.ts).

export type AppSecrets = { FIELD_ENCRYPTION_KEY: string; LOOKUP_HMAC_KEY: string; APP_SECRET: string };

/** Fresh random keys: nothing a run stores can depend on a fixed key, or be read after it. */
export function randomAppSecrets(keyId: string): AppSecrets {
  const key = () => randomBytes(32).toString("base64");
  return { FIELD_ENCRYPTION_KEY: `${keyId}:${key()}`, LOOKUP_HMAC_KEY: key(), APP_SECRET: key() };
}

/**
 * The inherited environment without anything the app reads (a developer's
 * DATABASE_URL, LOG_LEVEL or TRUST_PROXY_HOPS would change what the suite set
 * up) nor NODE_OPTIONS, then production with the suite's database, SMTP
 * server, address and keys, then its own settings.
 */
export function appProcessEnvironment(options: {
  databaseUrl: string;
  smtpPort: number;
  publicUrl: string;
  notifyTo: string;
  secrets: AppSecrets;
  settings?: Readonly<Record<string, string>>;
}): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of [...ENV_VARIABLE_NAMES, "NODE_OPTIONS"]) delete inherited[name];
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    INTAKE_NOTIFY_TO: options.notifyTo,
    PUBLIC_URL: options.publicUrl,
    ...options.secrets,
    ...options.settings,
  };
}
