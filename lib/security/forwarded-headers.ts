import type { IncomingHttpHeaders } from "node:http";
import type { TrustedProxies } from "@/lib/security/trusted-proxies";

// Headers through which a client could claim another address, host or scheme.
// Next.js fills the X-Forwarded-* ones from the socket only when they are
// absent, so whatever a client sends is believed unless it is removed first.
const CLAIMED_BY_CLIENT = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** `::ffff:203.0.113.9` (IPv4 on a dual-stack socket) as the IPv4 address it is. */
export function normaliseSocketAddress(address: string | undefined): string {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

/**
 * The client's address. With no trusted proxy it is the TCP peer. Each trusted
 * proxy appends the address it received the request from to X-Forwarded-For, so
 * with N of them the client is the Nth entry from the right; entries further
 * left are whatever the client claimed. When the header has fewer entries than
 * there are trusted proxies, the chain is not the one configured, and the TCP
 * peer (a proxy) is used: one key for everyone behind it rather than one the
 * client chose.
 */
export function resolveClientAddress(options: {
  peer: string;
  forwardedFor: string | string[] | undefined;
  trustedProxyHops: number;
  trustedProxies?: TrustedProxies;
}): string {
  const joined = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const hops = joined.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (options.trustedProxies) return nearestUntrusted(options.peer, hops, options.trustedProxies);
  if (options.trustedProxyHops === 0) return options.peer;
  return hops[hops.length - options.trustedProxyHops] ?? options.peer;
}

/**
 * With trusted proxy networks instead of a count: walking from the TCP peer
 * leftwards through X-Forwarded-For, the first address that is not a trusted
 * proxy is the client. A peer outside the networks is the client itself.
 */
function nearestUntrusted(peer: string, hops: string[], trusted: TrustedProxies): string {
  if (!trusted.contains(peer)) return peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const entry = hops[i] as string;
    if (!trusted.contains(entry)) return entry;
  }
  return hops[0] ?? peer;
}

/**
 * Rewrites a request's headers before Next.js sees them, so the app reads one
 * decided address: X-Forwarded-For becomes the single client address. With no
 * trusted proxy (or from a peer outside TRUSTED_PROXY_CIDRS) every forwarding
 * header the client sent is dropped (Next.js then fills host, port and scheme
 * from the connection); from a trusted proxy its X-Forwarded-Host/-Proto/-Port are kept, and X-Real-IP and
 * Forwarded, which the app never reads, are dropped.
 */
export function rewriteForwardedHeaders(options: {
  headers: IncomingHttpHeaders;
  peer: string;
  trustedProxyHops: number;
  trustedProxies?: TrustedProxies;
}): string {
  const { headers, trustedProxyHops, trustedProxies, peer } = options;
  const client = resolveClientAddress({ peer, forwardedFor: headers["x-forwarded-for"], trustedProxyHops, trustedProxies });
  const fromProxy = trustedProxies ? trustedProxies.contains(peer) : trustedProxyHops > 0;
  const drop = fromProxy ? ["x-real-ip", "forwarded"] : CLAIMED_BY_CLIENT;
  for (const name of drop) delete headers[name];
  headers["x-forwarded-for"] = client;
  return client;
}
