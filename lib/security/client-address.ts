// The address a request came from. Next.js appends the socket peer to
// X-Forwarded-For; each trusted reverse proxy in front of it appends one more.
// Entries further left are whatever the client claimed and are never trusted.
export function clientAddress(options: { forwardedFor: string | null; trustedProxyHops: number }): string {
  const hops = (options.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - 1 - options.trustedProxyHops] ?? hops[0] ?? "unknown";
}
