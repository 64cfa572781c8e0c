import { issueFormToken } from "@/lib/security/form-token";
import type { SubmissionRecord } from "./submission-client";
import { uniqueInquiry } from "./unique-inquiry";

export type JunkFlood = {
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** One record per junk submission that was answered 201, for the storage check. */
  accepted: SubmissionRecord[];
  /** Network errors (no answer at all). */
  dropped: number;
  startedAt: number;
  finishedAt: number;
};

/**
 * The address junk submission `i` comes from: most rotate over `ipv4Networks`
 * IPv4 /24s (a few addresses each), one in `ipv6Share` rotates inside one
 * IPv6 /64.
 */
export function junkAddress(i: number, options: { ipv4Networks: number; ipv6Every: number }): string {
  if (i % options.ipv6Every === 0) return `2001:db8:f100:d:${(i & 0xffff).toString(16)}:${((i >> 16) & 0xffff).toString(16)}:ab:${(i % 97).toString(16)}`;
  const network = i % options.ipv4Networks;
  return `100.${64 + (network >> 8)}.${network & 255}.${1 + (Math.floor(i / options.ipv4Networks) % 254)}`;
}

/**
 * A flood as a well-equipped script sends it: as fast as `concurrency`
 * connections allow, each submission with a valid, old-enough form token
 * (minted with the app's secret: the worst case, a script that never waits
 * and never runs out of tokens), from rotating addresses behind a trusted
 * proxy, with a forged X-Forwarded-For entry in front of the one the proxy
 * appended. One in ten falls into the honeypot and one in ten reuses an
 * earlier token. It never solves a challenge.
 */
export async function runJunkFlood(options: {
  appUrl: string;
  appSecret: string;
  count: number;
  concurrency: number;
  firstIndex: number;
  areaCode: string;
  address: (i: number) => string;
}): Promise<JunkFlood> {
  const secret = Buffer.from(options.appSecret, "base64");
  const statuses: Record<string, number> = {};
  const accepted: SubmissionRecord[] = [];
  let dropped = 0;
  let next = 0;
  let reusable: string | undefined;
  const startedAt = Date.now();
  const sendOne = async (i: number) => {
    const inquiry = uniqueInquiry({ areaCode: options.areaCode, index: options.firstIndex + i });
    const fresh = issueFormToken({ secret, now: Date.now() - 5000 });
    const formToken = i % 10 === 5 && reusable ? reusable : fresh;
    reusable = fresh;
    const body = JSON.stringify({ formToken, inquiry: inquiry.answers, ...(i % 10 === 3 ? { website: "https://cheap-pills.example" } : {}) });
    const forged = `${(i * 7) % 223}.${(i * 13) % 251}.${i % 249}.${(i * 3) % 247}`;
    try {
      const response = await fetch(`${options.appUrl}/api/v1/inquiries`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "junk", "x-forwarded-for": `${forged}, ${options.address(i)}` },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status === 201) {
        const referenceCode = String((JSON.parse(text) as { referenceCode?: unknown }).referenceCode);
        const now = Date.now();
        accepted.push({ index: inquiry.index, phoneE164: inquiry.phoneE164, formToken, referenceCode, attempts: 1, outcomes: { "201": 1 }, unavailableFaults: [], unexpected: [], acceptedAt: now, gaveUp: false });
      }
    } catch {
      dropped += 1;
    }
  };
  const worker = async () => {
    while (next < options.count) {
      const i = next;
      next += 1;
      await sendOne(i);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return { statuses, accepted, dropped, startedAt, finishedAt: Date.now() };
}
