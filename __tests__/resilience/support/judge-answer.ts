import { REFERENCE_CODE_PATTERN } from "@/lib/inquiries/reference-code";
import { leaksInternals } from "./problem-check";
import type { RawAnswer } from "./send-request";

/**
 * What is wrong with the API's answer to a hostile request, or undefined if
 * nothing is: never a 5xx, never an internal detail, every refusal an RFC 9457
 * problem+json 4xx, and 201 only when the request could be valid.
 */
export function faultInAnswer(answer: RawAnswer, mayBeAccepted: boolean): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.slice(0, 200)}`;
  if (leaksInternals(answer.body)) return `answer ${answer.status} shows internal details: ${answer.body.slice(0, 200)}`;
  if (answer.status === 201) {
    if (!mayBeAccepted) return `accepted (201) a request that is not valid: ${answer.body}`;
    try {
      const { referenceCode } = JSON.parse(answer.body) as { referenceCode?: unknown };
      return typeof referenceCode === "string" && REFERENCE_CODE_PATTERN.test(referenceCode) ? undefined : `201 without a reference code: ${answer.body}`;
    } catch {
      return `201 with a body that is not JSON: ${answer.body.slice(0, 200)}`;
    }
  }
  if (answer.status < 400) return `answered ${answer.status}`;
  if (!answer.contentType.startsWith("application/problem+json")) return `answered ${answer.status} as ${answer.contentType || "no content type"}`;
  try {
    const problem = JSON.parse(answer.body) as { status?: unknown; title?: unknown };
    if (problem.status !== answer.status || typeof problem.title !== "string") return `problem body does not match: ${answer.body.slice(0, 200)}`;
  } catch {
    return `problem body is not JSON: ${answer.body.slice(0, 200)}`;
  }
  return undefined;
}
