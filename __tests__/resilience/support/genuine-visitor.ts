import { solveChallenge } from "altcha-lib/v1";
import type { SubmissionRecord } from "./submission-client";
import type { UniqueInquiry } from "./unique-inquiry";
import { sleep } from "./wait";

export type GenuineVisit = {
  record: SubmissionRecord;
  /** Duration of every HTTP request this person made (token, each POST). */
  requestMs: number[];
  challenged: boolean;
  /** Time spent solving challenges in this process. */
  solvingMs: number;
};

type Challenge = { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string };

async function timed(requestMs: number[], run: () => Promise<Response>): Promise<{ status: number; text: string }> {
  const started = performance.now();
  const response = await run();
  const text = await response.text();
  requestMs.push(performance.now() - started);
  return { status: response.status, text };
}

/**
 * One person through the form's steps over HTTP: a form token, the time it
 * takes to fill the form in, the submission; when the answer is 428, the
 * challenge solved (altcha-lib's solver, as the browser runs it) and the same
 * submission sent again with the solution. Anything but 201 in the end is
 * recorded as unexpected.
 */
export async function visitAsPerson(options: {
  appUrl: string;
  inquiry: UniqueInquiry;
  address: string;
  fillMs: number;
}): Promise<GenuineVisit> {
  const requestMs: number[] = [];
  const headers = { "content-type": "application/json", "user-agent": "person", "x-forwarded-for": options.address };
  const record: SubmissionRecord = { index: options.inquiry.index, phoneE164: options.inquiry.phoneE164, attempts: 0, outcomes: {}, unavailableFaults: [], unexpected: [], gaveUp: false };
  let challenged = false;
  let solvingMs = 0;
  const minted = await timed(requestMs, () => fetch(`${options.appUrl}/api/v1/form-tokens`, { method: "POST", headers }));
  if (minted.status !== 201) {
    record.unexpected.push(`form token: ${minted.status}`);
    return { record, requestMs, challenged, solvingMs };
  }
  const formToken = (JSON.parse(minted.text) as { formToken: string }).formToken;
  record.formToken = formToken;
  await sleep(options.fillMs);
  let altcha: string | undefined;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    record.attempts = attempt;
    record.firstAttemptAt ??= Date.now();
    record.lastAttemptStartedAt = Date.now();
    const answer = await timed(requestMs, () =>
      fetch(`${options.appUrl}/api/v1/inquiries`, { method: "POST", headers, body: JSON.stringify({ formToken, inquiry: options.inquiry.answers, altcha }) }),
    );
    record.outcomes[answer.status] = (record.outcomes[answer.status] ?? 0) + 1;
    if (answer.status === 201) {
      record.referenceCode = String((JSON.parse(answer.text) as { referenceCode?: unknown }).referenceCode);
      record.acceptedAt = Date.now();
      return { record, requestMs, challenged, solvingMs };
    }
    if (answer.status !== 428) {
      record.unexpected.push(`${answer.status}: ${answer.text.slice(0, 200)}`);
      return { record, requestMs, challenged, solvingMs };
    }
    challenged = true;
    const challenge = (JSON.parse(answer.text) as { challenge: Challenge }).challenge;
    const solvingStarted = performance.now();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    solvingMs += performance.now() - solvingStarted;
    if (!solution) throw new Error("a challenge without a solution");
    altcha = Buffer.from(JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature })).toString("base64");
  }
  record.unexpected.push("still asked for a proof of work after solving twice");
  record.gaveUp = true;
  return { record, requestMs, challenged, solvingMs };
}
