import { mkdirSync } from "node:fs";
import path from "node:path";
import { loadOrCreateDevSecrets } from "./dev-secrets";
import { ROOT } from "./root";

/**
 * Development and demo conveniences, never used by `npm start` or a
 * production worker: generated keys in .data/dev-secrets.json, mail saved as
 * .eml files in .data/mail, a placeholder staff address. Whatever the
 * environment sets is kept. Returns the data folder.
 */
export function applyDevDefaults(options: { log: (message: string) => void }): string {
  const env = process.env;
  const data = path.resolve(ROOT, env.IOP_DATA_DIR ?? ".data");
  mkdirSync(data, { recursive: true });
  const secrets = ["FIELD_ENCRYPTION_KEY", "LOOKUP_HMAC_KEY", "APP_SECRET"] as const;
  if (secrets.some((name) => !env[name])) {
    const generated = loadOrCreateDevSecrets(path.join(data, "dev-secrets.json"));
    for (const name of secrets) env[name] ??= generated[name];
  }
  if (!env.SMTP_URL && !env.MAIL_SINK_DIR) {
    env.MAIL_SINK_DIR = path.join(data, "mail");
    options.log(`no SMTP_URL: outgoing mail is saved as .eml files in ${env.MAIL_SINK_DIR}`);
  }
  env.INTAKE_NOTIFY_TO ??= "intake@clinic.example";
  return data;
}
