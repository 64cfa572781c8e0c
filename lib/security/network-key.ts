import { isIPv4, isIPv6 } from "node:net";

// The network a client address belongs to, as the key its rate limits count
// under. One person (or one rented server) holds a whole IPv6 /64, and often a
// handful of neighbouring IPv4 addresses, so counting per address lets anyone
// rotate past a limit. Pure on purpose: no environment, no secrets; callers
// hash the result before it is stored.
//
// "unknown" (no usable address) is one shared key: a request whose origin
// cannot be read is grouped with every other such request, never exempt.

export type NetworkPrefixes = { ipv4Prefix: number; ipv6Prefix: number };

export function networkKeyFor(address: string, prefixes: NetworkPrefixes): string {
  const bare = withoutDecoration(address);
  if (isIPv4(bare)) return ipv4Key(bare, prefixes.ipv4Prefix);
  if (isIPv6(bare)) {
    const groups = ipv6Groups(bare);
    const mapped = mappedIpv4(groups);
    return mapped ? ipv4Key(mapped, prefixes.ipv4Prefix) : ipv6Key(groups, prefixes.ipv6Prefix);
  }
  return "unknown";
}

// "[2001:db8::1]", "fe80::1%eth0": brackets and zone ids say how to reach an
// address on this host, not which network it is.
function withoutDecoration(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const zone = trimmed.indexOf("%");
  return zone === -1 ? trimmed : trimmed.slice(0, zone);
}

function ipv4Key(address: string, prefix: number): string {
  const value = address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
  const masked = prefix === 0 ? 0 : Math.floor(value / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(masked / 2 ** shift) % 256);
  return `v4:${octets.join(".")}/${prefix}`;
}

// Eight 16-bit groups; an embedded dotted IPv4 tail becomes the last two.
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function mappedIpv4(groups: number[]): string | undefined {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (!isMapped) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

function ipv6Key(groups: number[], prefix: number): string {
  const masked = groups.map((group, index) => {
    const bitsKept = Math.min(16, Math.max(0, prefix - index * 16));
    return bitsKept === 0 ? 0 : group & (0xffff << (16 - bitsKept)) & 0xffff;
  });
  return `v6:${masked.map((g) => g.toString(16)).join(":")}/${prefix}`;
}
