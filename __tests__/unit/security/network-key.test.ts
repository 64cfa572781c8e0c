import { networkKeyFor } from "@/lib/security/network-key";

const slash24 = { ipv4Prefix: 24, ipv6Prefix: 64 };
const wholeAddress = { ipv4Prefix: 32, ipv6Prefix: 64 };

describe("networkKeyFor", () => {
  it("groups IPv4 addresses by /24 when configured so", () => {
    expect(networkKeyFor("203.0.113.7", slash24)).toBe("v4:203.0.113.0/24");
    expect(networkKeyFor("203.0.113.250", slash24)).toBe(networkKeyFor("203.0.113.7", slash24));
    expect(networkKeyFor("203.0.114.7", slash24)).not.toBe(networkKeyFor("203.0.113.7", slash24));
  });

  it("keeps the whole IPv4 address with a /32 prefix", () => {
    expect(networkKeyFor("203.0.113.7", wholeAddress)).toBe("v4:203.0.113.7/32");
    expect(networkKeyFor("203.0.113.8", wholeAddress)).not.toBe(networkKeyFor("203.0.113.7", wholeAddress));
  });

  it("masks prefixes that do not fall on an octet boundary", () => {
    expect(networkKeyFor("10.1.255.255", { ipv4Prefix: 12, ipv6Prefix: 64 })).toBe("v4:10.0.0.0/12");
  });

  it("puts every address of an IPv6 /64 under one key", () => {
    const a = networkKeyFor("2001:db8:1:2:aaaa:bbbb:cccc:dddd", slash24);
    expect(a).toBe("v6:2001:db8:1:2:0:0:0:0/64");
    expect(networkKeyFor("2001:db8:1:2::1", slash24)).toBe(a);
    expect(networkKeyFor("2001:db8:1:3::1", slash24)).not.toBe(a);
  });

  it("honours other IPv6 prefixes, including ones inside a group", () => {
    expect(networkKeyFor("2001:db8:1:2ff::1", { ipv4Prefix: 24, ipv6Prefix: 56 })).toBe("v6:2001:db8:1:200:0:0:0:0/56");
    expect(networkKeyFor("2001:db8::1", { ipv4Prefix: 24, ipv6Prefix: 128 })).toBe("v6:2001:db8:0:0:0:0:0:1/128");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address it carries", () => {
    expect(networkKeyFor("::ffff:203.0.113.7", slash24)).toBe("v4:203.0.113.0/24");
    expect(networkKeyFor("::FFFF:cb00:7107", slash24)).toBe("v4:203.0.113.0/24");
  });

  it("ignores zone ids, brackets and surrounding spaces", () => {
    expect(networkKeyFor("fe80::1%eth0", slash24)).toBe(networkKeyFor("fe80::2", slash24));
    expect(networkKeyFor("[2001:db8::1]", slash24)).toBe("v6:2001:db8:0:0:0:0:0:0/64");
    expect(networkKeyFor(" 203.0.113.7 ", slash24)).toBe("v4:203.0.113.0/24");
  });

  it("groups everything malformed under one shared key", () => {
    for (const bad of ["", "unknown", "999.1.1.1", "1.2.3", "2001:db8:::1", "not an address", "1.2.3.4:80", "::ffff:999.0.0.1"]) {
      expect(networkKeyFor(bad, slash24)).toBe("unknown");
    }
  });
});
