// The address a request came from, as the app reads it. In production the
// server in front of Next.js (scripts/support/serve-next.ts, with
// lib/security/forwarded-headers.ts) has already replaced X-Forwarded-For with
// the one decided address: the TCP peer with no trusted proxy, or the Nth
// entry from the right behind N trusted proxies. Picking the Nth entry from the
// right here again is then harmless (one entry), and keeps in-process callers
// (tests calling route handlers) on the same rule.
export function clientAddress(options: { forwardedFor: string | null; trustedProxyHops: number }): string {
  const hops = (options.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - Math.max(1, options.trustedProxyHops)] ?? hops[0] ?? "unknown";
}
