import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "disabled" | "unauthorized";

// Bearer-token check for the metrics endpoint. Both sides are hashed first so
// the comparison is constant-time whatever the presented token's length.
export function checkMetricsToken(options: { configured: string | undefined; authorization: string | null }): MetricsAccess {
  if (!options.configured) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(options.authorization ?? "");
  if (!match?.[1]) return "unauthorized";
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(match[1]), digest(options.configured)) ? "allowed" : "unauthorized";
}
