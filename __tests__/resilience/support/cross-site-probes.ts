import type { Check } from "@/scripts/write-reliability-report";
import { validInquiry } from "../../support/valid-inquiry";
import type { InquiryApiClient } from "./inquiry-api-client";
import { callSubmitAction } from "./server-action-call";

export const CROSS_SITE_API = "POST /api/v1/inquiries with a foreign Origin (https://evil.example, null) is refused with 403 and stores nothing";
export const CROSS_SITE_ACTION = "the form's server action called with a foreign Origin stores nothing (a same-origin control call does)";

const EVIL = "https://evil.example";

/**
 * What a page on another site could make a visitor's browser send: a POST to
 * the API, and a call of the form's server action (Next-Action header), each
 * with a foreign Origin. The same action call from our own origin is the
 * control: it must store its inquiry, or the refusal proves nothing.
 */
export async function probeCrossSite(options: { client: InquiryApiClient; appUrl: string; rowsNow: () => Promise<number> }) {
  const { client, appUrl, rowsNow } = options;
  const before = await rowsNow();
  const api = [];
  for (const origin of [EVIL, "null"]) {
    const answer = await client.post(client.envelope(validInquiry({ phone: "(212) 555-0199" })), "application/json", { origin });
    api.push({ origin, status: answer.status, problem: answer.contentType.startsWith("application/problem+json") });
  }
  const afterApi = await rowsNow();

  const answers = validInquiry({ requesterType: "SELF", referrerName: undefined, referrerRelationship: undefined, personAware: undefined });
  const foreign = await callSubmitAction({ baseUrl: appUrl, origin: EVIL, formToken: client.mint(), answers: { ...answers, phone: "(212) 555-0177" } });
  const afterForeign = await rowsNow();
  const control = await callSubmitAction({ baseUrl: appUrl, origin: appUrl, formToken: client.mint(), answers: { ...answers, phone: "(212) 555-0178" } });
  const afterControl = await rowsNow();

  const checks: Check[] = [
    {
      name: CROSS_SITE_API,
      passed: api.every((a) => a.status === 403 && a.problem) && afterApi === before,
      evidence: `${api.map((a) => `${a.origin} → ${a.status}`).join(", ")}; rows ${before} → ${afterApi}`,
    },
    {
      name: CROSS_SITE_ACTION,
      passed: afterForeign === afterApi && afterControl === afterForeign + 1,
      evidence: `foreign Origin → ${foreign.status}, rows ${afterApi} → ${afterForeign}; same origin → ${control.status} ${control.body.slice(0, 200)}, rows → ${afterControl}`,
    },
  ];
  return {
    checks,
    /** Rows stored by the control call (not through the API client). */
    controlRows: afterControl - afterForeign,
    figures: {
      "cross-site API answers": api.map((a) => `${a.origin} → ${a.status}`).join(", "),
      "server action, foreign Origin": foreign.status,
      "server action, same-origin control": control.status,
    },
    note: `The foreign-Origin server action call is refused by Next.js itself (HTTP ${foreign.status}, its CSRF check: Origin must match Host); nothing is stored.`,
  };
}
