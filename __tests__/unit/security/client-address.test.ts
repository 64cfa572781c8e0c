import { clientAddress } from "@/lib/security/client-address";

describe("clientAddress", () => {
  it.each([[null], [""], ["   "], [" , ,"]])("returns 'unknown' for the header %j", (forwardedFor) => {
    expect(clientAddress({ forwardedFor, trustedProxyHops: 0 })).toBe("unknown");
    expect(clientAddress({ forwardedFor, trustedProxyHops: 2 })).toBe("unknown");
  });

  it("with no trusted proxy, takes the right-most entry (the socket peer Next.js filled in)", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.9", trustedProxyHops: 0 })).toBe("203.0.113.9");
  });

  it("trims white space and ignores empty entries", () => {
    expect(clientAddress({ forwardedFor: " 198.51.100.7 ,, 203.0.113.9 , ", trustedProxyHops: 0 })).toBe("203.0.113.9");
  });

  it("returns IPv6 entries whole", () => {
    expect(clientAddress({ forwardedFor: "198.51.100.7, 2001:db8::1", trustedProxyHops: 0 })).toBe("2001:db8::1");
  });

  it("returns the only entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.9", trustedProxyHops: 3 })).toBe("203.0.113.9");
  });

  // Hop counting against the header the app really receives. Next.js only
  // sets X-Forwarded-For when it is absent (node_modules/next/dist/server/
  // base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`);
  // it does NOT append the socket peer, as lib/security/client-address.ts
  // assumes. (In production scripts/start.ts's server has already reduced the
  // header to the one decided address; lib/security/forwarded-headers.ts.) So behind N trusted proxies that each append the address they saw
  // (nginx $proxy_add_x_forwarded_for), the last N entries are trustworthy and
  // the client's address is the N-th from the right; everything to its left is
  // whatever the client sent.
  describe("behind trusted reverse proxies (TRUST_PROXY_HOPS = N)", () => {
    it("N=1: a client that sends no header is identified", () => {
      expect(clientAddress({ forwardedFor: "203.0.113.9", trustedProxyHops: 1 })).toBe("203.0.113.9");
    });

    it.each(["6.6.6.6", "6.6.6.6, 7.7.7.7", "6.6.6.6, 7.7.7.7, 8.8.8.8"])(
      "N=1: a client that sends X-Forwarded-For: %s cannot choose its address",
      (spoof) => {
        expect(clientAddress({ forwardedFor: `${spoof}, 203.0.113.9`, trustedProxyHops: 1 })).toBe("203.0.113.9");
      },
    );

    it("N=2: takes the entry the outer proxy appended, not the client's claim", () => {
      // outer proxy appends the client (203.0.113.9), inner proxy appends the outer one (10.0.0.2)
      expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", trustedProxyHops: 2 })).toBe("203.0.113.9");
    });
  });
});
