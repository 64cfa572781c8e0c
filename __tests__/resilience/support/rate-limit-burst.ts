import type { SubmissionRecord } from "./submission-client";
import type { UniqueInquiry } from "./unique-inquiry";

export type BurstAnswer = {
  baseUrl: string;
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
  record: SubmissionRecord;
};

/**
 * Sends one submission per entry of `targets` at the same moment, all claiming
 * to come from `clientAddress` (the last X-Forwarded-For entry, which is what
 * the app takes with TRUST_PROXY_HOPS=1, the caller standing in for the
 * proxy; the entries before it differ per request, as a client could forge them). Tokens are fetched first so the
 * POSTs race each other for the shared counter.
 */
export async function rateLimitBurst(options: {
  targets: string[];
  clientAddress: string;
  inquiry: (i: number) => UniqueInquiry;
}): Promise<BurstAnswer[]> {
  const prepared = await Promise.all(
    options.targets.map(async (baseUrl, i) => {
      const response = await fetch(`${baseUrl}/api/v1/form-tokens`, { method: "POST" });
      const { formToken } = (await response.json()) as { formToken: string };
      return { baseUrl, formToken, inquiry: options.inquiry(i), forged: `203.0.113.${i + 1}` };
    }),
  );
  return Promise.all(
    prepared.map(async ({ baseUrl, formToken, inquiry, forged }) => {
      const startedAt = Date.now();
      const response = await fetch(`${baseUrl}/api/v1/inquiries`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `${forged}, ${options.clientAddress}` },
        body: JSON.stringify({ formToken, inquiry: inquiry.answers }),
      });
      const body = await response.text();
      const referenceCode = response.status === 201 ? String((JSON.parse(body) as { referenceCode?: unknown }).referenceCode) : undefined;
      const record: SubmissionRecord = {
        index: inquiry.index,
        phoneE164: inquiry.phoneE164,
        formToken,
        referenceCode,
        attempts: 1,
        outcomes: { [String(response.status)]: 1 },
        unavailableFaults: [],
        unexpected: [],
        firstAttemptAt: startedAt,
        lastAttemptStartedAt: startedAt,
        acceptedAt: referenceCode ? Date.now() : undefined,
        gaveUp: false,
      };
      return {
        baseUrl,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        retryAfter: response.headers.get("retry-after"),
        body,
        record,
      };
    }),
  );
}
