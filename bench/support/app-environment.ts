import { randomBytes } from "node:crypto";

// Variables lib/env.ts reads that a developer's shell might have set; the
// benchmark decides every one of them itself, so they are dropped first.
const APP_VARIABLES = [
  "DATABASE_URL", "DATABASE_POOL_MAX", "SMTP_URL", "MAIL_SINK_DIR", "MAIL_FROM", "INTAKE_NOTIFY_TO", "PUBLIC_URL",
  "FIELD_ENCRYPTION_KEY", "FIELD_ENCRYPTION_PREVIOUS_KEYS", "LOOKUP_HMAC_KEY", "APP_SECRET", "FORM_MIN_FILL_SECONDS",
  "RATE_LIMIT_IP_MAX", "RATE_LIMIT_IP_WINDOW_SECONDS", "RATE_LIMIT_GLOBAL_MAX", "RATE_LIMIT_GLOBAL_WINDOW_SECONDS",
  "TRUST_PROXY_HOPS", "NOTIFY_MAX_ATTEMPTS", "NOTIFY_POLL_MS", "NOTIFY_RETRY_BASE_MS", "WORKER_IN_PROCESS", "LOG_LEVEL",
];

export type BenchSecrets = { FIELD_ENCRYPTION_KEY: string; LOOKUP_HMAC_KEY: string; APP_SECRET: string };

/** Fresh keys for one run: nothing the benchmark stores can be read after it. */
export function makeBenchSecrets(): BenchSecrets {
  const key = () => randomBytes(32).toString("base64");
  return { FIELD_ENCRYPTION_KEY: `b1:${key()}`, LOOKUP_HMAC_KEY: key(), APP_SECRET: key() };
}

/** The environment an app process of the benchmark runs with. */
export function appEnvironment(options: {
  databaseUrl: string;
  smtpPort: number;
  publicUrl: string;
  secrets: BenchSecrets;
  settings: Readonly<Record<string, string>>;
}): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of APP_VARIABLES) delete inherited[name];
  return {
    ...inherited,
    ...options.secrets,
    DATABASE_URL: options.databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    PUBLIC_URL: options.publicUrl,
    INTAKE_NOTIFY_TO: "intake-team@bench.example",
    ...options.settings,
  };
}
