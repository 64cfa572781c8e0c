import { normaliseSocketAddress, resolveClientAddress, rewriteForwardedHeaders } from "@/lib/security/forwarded-headers";
import { parseTrustedProxies } from "@/lib/security/trusted-proxies";

describe("rewriteForwardedHeaders", () => {
  const spoofed = () => ({
    host: "intake.example.org",
    "x-forwarded-for": "6.6.6.6",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    "x-real-ip": "7.7.7.7",
    forwarded: "for=8.8.8.8",
  });

  it("with no trusted proxy, replaces every forwarding header with the TCP peer", () => {
    const headers = spoofed();
    expect(rewriteForwardedHeaders({ headers, peer: "203.0.113.9", trustedProxyHops: 0 })).toBe("203.0.113.9");
    expect(headers).toEqual({ host: "intake.example.org", "x-forwarded-for": "203.0.113.9" });
  });

  it("with one trusted proxy, takes the last entry and keeps the proxy's host and scheme", () => {
    const headers = { ...spoofed(), "x-forwarded-for": "6.6.6.6, 198.51.100.4" };
    expect(rewriteForwardedHeaders({ headers, peer: "10.0.0.2", trustedProxyHops: 1 })).toBe("198.51.100.4");
    expect(headers).toEqual({
      host: "intake.example.org",
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
    });
  });

  it("with two trusted proxies, takes the second entry from the right", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.3" };
    expect(rewriteForwardedHeaders({ headers, peer: "10.0.0.2", trustedProxyHops: 2 })).toBe("198.51.100.4");
  });
});

describe("resolveClientAddress", () => {
  it("joins repeated X-Forwarded-For headers", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.4"], trustedProxyHops: 1 })).toBe("198.51.100.4");
  });

  it("uses the peer (the proxy) when the chain is shorter than the proxies configured", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.4", trustedProxyHops: 2 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: undefined, trustedProxyHops: 1 })).toBe("10.0.0.2");
  });
});

describe("normaliseSocketAddress", () => {
  it("unwraps IPv4-mapped IPv6 and keeps real IPv6", () => {
    expect(normaliseSocketAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseSocketAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseSocketAddress(undefined)).toBe("unknown");
  });
});

describe("with trusted proxy networks (TRUSTED_PROXY_CIDRS)", () => {
  const trustedProxies = parseTrustedProxies("10.0.0.0/8, 2001:db8:1::/48, 192.0.2.7");

  it("takes the first address from the right that is not a trusted proxy", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.1.2.3", "x-forwarded-proto": "https" };
    expect(rewriteForwardedHeaders({ headers, peer: "192.0.2.7", trustedProxyHops: 0, trustedProxies })).toBe("198.51.100.4");
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" });
  });

  it("treats a peer outside the networks as the client, dropping what it claims", () => {
    const headers = { "x-forwarded-for": "10.9.9.9", "x-forwarded-host": "evil.example" };
    expect(rewriteForwardedHeaders({ headers, peer: "203.0.113.9", trustedProxyHops: 0, trustedProxies })).toBe("203.0.113.9");
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9" });
  });

  it("understands IPv6 networks", () => {
    expect(resolveClientAddress({ peer: "2001:db8:1::5", forwardedFor: "2001:db8:2::9", trustedProxyHops: 0, trustedProxies })).toBe("2001:db8:2::9");
  });

  it.each(["10.0.0.0/33", "not-an-address", "10.0.0.0/x", "2001:db8::/129"])("refuses %s", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(value);
  });
});
