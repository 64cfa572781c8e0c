import { REFERENCE_CODE_PATTERN } from "@/lib/inquiries/reference-code";
import { unavailableProblemFault } from "./problem-check";
import { sleep } from "./wait";

const ATTEMPT_TIMEOUT_MS = 60_000;

export type SubmissionRecord = {
  index: number;
  phoneE164: string;
  formToken?: string;
  referenceCode?: string;
  /** POSTs of the inquiry (1 when the first one was answered 201). */
  attempts: number;
  /** Answers by kind: "201", "503", "network", … */
  outcomes: Record<string, number>;
  /** 503 answers that were not the clear problem+json with the clinic's phone number. */
  unavailableFaults: string[];
  /** Anything a valid inquiry must never get: a 4xx, a 5xx other than 503, a malformed 201. */
  unexpected: string[];
  firstAttemptAt?: number;
  lastAttemptStartedAt?: number;
  acceptedAt?: number;
  /** When the last failed attempt was answered (or failed), if any failed. */
  lastFailureAt?: number;
  gaveUp: boolean;
};

export type SubmissionTarget = {
  /** Which app instance attempt `n` (1-based) goes to; retries may go elsewhere. */
  baseUrl(attempt: number): string;
  headers?: Record<string, string>;
  deadlineMs: number;
};

function count(record: SubmissionRecord, outcome: string): void {
  record.outcomes[outcome] = (record.outcomes[outcome] ?? 0) + 1;
}

function retryDelay(failures: number): number {
  return Math.min(2000, 100 * 2 ** Math.min(failures - 1, 5)) * (0.5 + Math.random() / 2);
}

async function fetchFormToken(target: SubmissionTarget, deadline: number): Promise<string | undefined> {
  for (let attempt = 1; Date.now() < deadline; attempt += 1) {
    try {
      const response = await fetch(`${target.baseUrl(attempt)}/api/v1/form-tokens`, {
        method: "POST",
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      if (response.status === 201) return ((await response.json()) as { formToken: string }).formToken;
      await response.arrayBuffer();
    } catch {
      // Server down or restarting: try again.
    }
    await sleep(retryDelay(attempt));
  }
  return undefined;
}

/**
 * Submits one inquiry the way a careful client does: one form token, then the
 * same body (so the same idempotency key) POSTed again after every network
 * failure or 5xx until it is answered 201 or the deadline passes. A 4xx ends
 * the attempt: a valid inquiry should never get one.
 */
export async function submitUntilAccepted(options: {
  index: number;
  phoneE164: string;
  answers: unknown;
  target: SubmissionTarget;
}): Promise<SubmissionRecord> {
  const record: SubmissionRecord = {
    index: options.index,
    phoneE164: options.phoneE164,
    attempts: 0,
    outcomes: {},
    unavailableFaults: [],
    unexpected: [],
    gaveUp: false,
  };
  const deadline = Date.now() + options.target.deadlineMs;
  record.formToken = await fetchFormToken(options.target, deadline);
  if (!record.formToken) {
    record.gaveUp = true;
    return record;
  }
  const body = JSON.stringify({ formToken: record.formToken, inquiry: options.answers });
  while (Date.now() < deadline) {
    record.attempts += 1;
    record.lastAttemptStartedAt = Date.now();
    record.firstAttemptAt ??= record.lastAttemptStartedAt;
    const outcome = await postOnce(options.target, record.attempts, body);
    count(record, outcome.label);
    if (outcome.kind === "accepted") {
      record.acceptedAt = Date.now();
      if (REFERENCE_CODE_PATTERN.test(outcome.referenceCode)) record.referenceCode = outcome.referenceCode;
      else record.unexpected.push(`201 with reference code ${JSON.stringify(outcome.referenceCode)}`);
      return record;
    }
    record.lastFailureAt = Date.now();
    if (outcome.kind === "unavailable" && outcome.fault) record.unavailableFaults.push(outcome.fault);
    if (outcome.kind === "other") {
      record.unexpected.push(`${outcome.label}: ${outcome.body.slice(0, 300)}`);
      if (outcome.status < 500) return record;
    }
    await sleep(retryDelay(record.attempts));
  }
  record.gaveUp = true;
  return record;
}

type PostOutcome =
  | { kind: "accepted"; label: "201"; referenceCode: string }
  | { kind: "unavailable"; label: "503"; fault: string | undefined }
  | { kind: "network"; label: "network" }
  | { kind: "other"; label: string; status: number; body: string };

async function postOnce(target: SubmissionTarget, attempt: number, body: string): Promise<PostOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${target.baseUrl(attempt)}/api/v1/inquiries`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "resilience-suite", ...target.headers },
      body,
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    text = await response.text();
  } catch {
    return { kind: "network", label: "network" };
  }
  if (response.status === 201) {
    try {
      return { kind: "accepted", label: "201", referenceCode: String((JSON.parse(text) as { referenceCode?: unknown }).referenceCode) };
    } catch {
      return { kind: "other", label: "201 (malformed)", status: 201, body: text };
    }
  }
  if (response.status === 503) {
    const contentType = response.headers.get("content-type") ?? "";
    return { kind: "unavailable", label: "503", fault: unavailableProblemFault({ contentType, retryAfter: response.headers.get("retry-after"), body: text }) };
  }
  return { kind: "other", label: String(response.status), status: response.status, body: text };
}
