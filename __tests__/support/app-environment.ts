import { randomBytes } from "node:crypto";

// Test values for every variable lib/env.ts requires. Secrets are random per
// test file, so nothing in a test can depend on a fixed key.
export function setAppEnvironment(overrides: Record<string, string> = {}): void {
  const key = () => randomBytes(32).toString("base64");
  Object.assign(process.env, {
    FIELD_ENCRYPTION_KEY: `t1:${key()}`,
    LOOKUP_HMAC_KEY: key(),
    APP_SECRET: key(),
    INTAKE_NOTIFY_TO: "intake-a@clinic.example,intake-b@clinic.example",
    PUBLIC_URL: "http://localhost:3000",
    FORM_MIN_FILL_SECONDS: "0",
    NOTIFY_POLL_MS: "100",
    NOTIFY_RETRY_BASE_MS: "50",
    LOG_LEVEL: "silent",
    ...overrides,
  });
}
