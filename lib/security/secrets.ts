import "server-only";
import { getEnv } from "@/lib/env";

export function appSecret(): Buffer {
  return Buffer.from(getEnv().APP_SECRET, "base64");
}

export function lookupHashKey(): Buffer {
  return Buffer.from(getEnv().LOOKUP_HMAC_KEY, "base64");
}
