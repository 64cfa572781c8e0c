import { makeSubmissionBody } from "./inquiry-payload";
import { postJson } from "./post-json";

export type RateLimitFigures = {
  ipMax: number;
  /** Status of each submission from one address, in order. */
  statuses: number[];
  accepted: number;
  limited: number;
  /** 1-based position of the first 428 (proof of work asked), if any. */
  firstLimitedAt: number | undefined;
  /** The same number of submissions, each claiming another X-Forwarded-For in one /24. */
  spoofedForwardedForAccepted: number;
};

/**
 * Against an app started with RATE_LIMIT_IP_MAX=`ipMax`: `submissions` new
 * inquiries in a row from this process (one address), then as many again each
 * with a different X-Forwarded-For. The second series shows what the per-address
 * limit is worth when no trusted proxy sets that header (TRUST_PROXY_HOPS=0).
 */
export async function checkRateLimits(options: {
  url: string;
  ipMax: number;
  submissions: number;
  nextToken: () => string;
}): Promise<RateLimitFigures> {
  const endpoint = `${options.url}/api/v1/inquiries`;
  const statuses: number[] = [];
  for (let i = 0; i < options.submissions; i += 1) {
    const response = await postJson({ url: endpoint, body: makeSubmissionBody(options.nextToken()) });
    statuses.push(response.status);
  }
  let spoofedAccepted = 0;
  for (let i = 0; i < options.submissions; i += 1) {
    const response = await postJson({
      url: endpoint,
      body: makeSubmissionBody(options.nextToken()),
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
    });
    if (response.status === 201) spoofedAccepted += 1;
  }
  const firstLimited = statuses.indexOf(428);
  return {
    ipMax: options.ipMax,
    statuses,
    accepted: statuses.filter((s) => s === 201).length,
    limited: statuses.filter((s) => s === 428).length,
    firstLimitedAt: firstLimited === -1 ? undefined : firstLimited + 1,
    spoofedForwardedForAccepted: spoofedAccepted,
  };
}
