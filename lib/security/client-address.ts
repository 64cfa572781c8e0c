// The address a request came from. Each trusted reverse proxy appends the
// address it received the request from to X-Forwarded-For, so with N trusted
// proxies the client is the Nth entry from the right; anything further left is
// whatever the client claimed. Next.js fills the header from the socket only
// when it is absent, so with no proxy (N = 0) a client can choose the value:
// production deployments belong behind a proxy that sets it (TRUST_PROXY_HOPS),
// and the global rate limit bounds what a spoofing client can do regardless.
export function clientAddress(options: { forwardedFor: string | null; trustedProxyHops: number }): string {
  const hops = (options.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - Math.max(1, options.trustedProxyHops)] ?? hops[0] ?? "unknown";
}
