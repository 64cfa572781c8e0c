import { BlockList, isIP } from "node:net";

export type TrustedProxies = { contains(address: string): boolean };

/**
 * TRUSTED_PROXY_CIDRS ("10.0.0.0/8, 2001:db8::/32, 192.0.2.7") as a set of
 * addresses. Throws, naming the entry, on anything that is not an address or
 * a network in CIDR notation.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (family === 0 || !/^\d+$/.test(prefix ?? String(bits)) || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`"${entry}" is not an IP address or CIDR network`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return {
    contains(address) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}
