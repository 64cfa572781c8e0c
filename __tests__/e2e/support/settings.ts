// What global-setup.ts started, handed to the specs through environment
// variables: Playwright starts its workers after global setup, and they
// inherit the runner's environment.
export const SETTING_NAMES = {
  baseUrl: "E2E_BASE_URL",
  databaseUrl: "E2E_DATABASE_URL",
  notifyTo: "E2E_INTAKE_NOTIFY_TO",
  keys: "E2E_APP_KEYS",
} as const;

export type AppKeys = { FIELD_ENCRYPTION_KEY: string; LOOKUP_HMAC_KEY: string; APP_SECRET: string };

export type E2eSettings = { baseUrl: string; databaseUrl: string; notifyTo: string; keys: AppKeys };

export function e2eSettings(): E2eSettings {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the suite with \`npm run test:e2e\` (its global setup sets it).`);
    return value;
  };
  return {
    baseUrl: read(SETTING_NAMES.baseUrl),
    databaseUrl: read(SETTING_NAMES.databaseUrl),
    notifyTo: read(SETTING_NAMES.notifyTo),
    keys: JSON.parse(read(SETTING_NAMES.keys)) as AppKeys,
  };
}
