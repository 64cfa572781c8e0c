import { appProcessEnvironment, randomAppSecrets, type AppSecrets } from "../../kit/app-environment";
import { asRuntimeRole } from "../../support/runtime-role";
import { DIST_DIR } from "./paths";
import { OUTBOX_LEASE_MS } from "./settings";

export type { AppSecrets };

export const NOTIFY_TO = "intake-team@clinic.example";

/** Fresh random keys per scenario: nothing in the suite can depend on a fixed key. */
export function randomSecrets(): AppSecrets {
  return randomAppSecrets("res");
}

/**
 * The environment of `npm start` and `npm run worker` in a scenario, connected
 * as the runtime login role (fresh-database.ts granted it): the
 * production build in DIST_DIR, real SMTP, no minimum fill time (the clients
 * submit at once), fast polling and retries so recovery is observable within
 * the test, and thresholds high enough never to challenge the load (scenarios
 * 4 and 6 override them).
 */
export function appEnvironment(options: {
  databaseUrl: string;
  smtpPort: number;
  publicUrl: string;
  secrets: AppSecrets;
  overrides?: Record<string, string>;
}): NodeJS.ProcessEnv {
  return appProcessEnvironment({
    databaseUrl: asRuntimeRole(options.databaseUrl),
    smtpPort: options.smtpPort,
    publicUrl: options.publicUrl,
    notifyTo: NOTIFY_TO,
    secrets: options.secrets,
    settings: {
      NEXT_DIST_DIR: DIST_DIR,
      FORM_MIN_FILL_SECONDS: "0",
      NOTIFY_POLL_MS: "200",
      NOTIFY_RETRY_BASE_MS: "200",
      NOTIFY_LEASE_SECONDS: String(OUTBOX_LEASE_MS / 1000),
      RATE_LIMIT_IP_MAX: "1000000",
      RATE_LIMIT_GLOBAL_MAX: "1000000",
      FORM_TOKEN_MINT_MAX: "1000000",
      WORKER_IN_PROCESS: "true",
      ...options.overrides,
    },
  });
}
