import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

type DevSecrets = { FIELD_ENCRYPTION_KEY: string; LOOKUP_HMAC_KEY: string; APP_SECRET: string };

// Development keys, generated once into .data/ (mode 600) so data written by
// one `npm run dev` still decrypts in the next. Never used when the variables
// are set, as they must be in production.
export function loadOrCreateDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  const key = () => randomBytes(32).toString("base64");
  const secrets = { FIELD_ENCRYPTION_KEY: `dev1:${key()}`, LOOKUP_HMAC_KEY: key(), APP_SECRET: key() };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
