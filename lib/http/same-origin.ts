import "server-only";
import { getEnv } from "@/lib/env";

// Browsers send Origin on cross-site POSTs; a request whose Origin is present
// and is not ours is a cross-site submission and is refused. Non-browser
// clients send no Origin and are subject to the same token and rate checks.
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const ours = new URL(getEnv().PUBLIC_URL).origin;
  const host = request.headers.get("host");
  return origin !== ours && !(host !== null && (origin === `http://${host}` || origin === `https://${host}`));
}
