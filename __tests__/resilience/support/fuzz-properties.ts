import fc from "fast-check";
import { InquirySchema } from "@/lib/validations/inquiry";
import type { AppSecrets } from "./app-environment";
import { decryptStoredInquiry } from "./decrypt-stored-inquiry";
import { hostileRequest, VALID_TOKEN } from "./hostile-requests";
import { referenceCodeOf, type InquiryApiClient } from "./inquiry-api-client";
import { faultInAnswer } from "./judge-answer";
import { roundTripDifferences } from "./round-trip";
import { plausibleInquiry } from "./valid-inquiry-arbitrary";

export type PropertyOutcome = { failure: string; runs: number; counts: Record<string, number> };

function describeFailure<Ts>(details: fc.RunDetails<Ts>): string {
  if (!details.failed) return "";
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return `${reason} — counterexample ${fc.stringify(details.counterexample).slice(0, 400)} (seed ${details.seed}, path "${details.counterexamplePath}")`;
}

/** Generated hostile requests: each answer must pass faultInAnswer (never a 5xx, …). */
export async function runHostileProperty(client: InquiryApiClient, options: { runs: number; seed?: number }): Promise<PropertyOutcome> {
  let sent = 0;
  const details = await fc.check(
    fc.asyncProperty(hostileRequest, async (request) => {
      sent += 1;
      const body = typeof request.body === "string" ? request.body.replaceAll(JSON.stringify(VALID_TOKEN), JSON.stringify(client.mint())) : request.body;
      const fault = faultInAnswer(await client.post(body, request.contentType, request.headers), request.mayBeAccepted);
      if (fault) throw new Error(`${request.kind}: ${fault}`);
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  return { failure: describeFailure(details), runs: sent, counts: {} };
}

/**
 * Generated plausible inquiries: what the schema accepts must be answered 201
 * and read back from PostgreSQL, decrypted, exactly as normalised; what it
 * refuses must be answered 422.
 */
export async function runRoundTripProperty(
  client: InquiryApiClient,
  options: { runs: number; seed?: number; databaseUrl: string; secrets: AppSecrets },
): Promise<PropertyOutcome> {
  const counts = { compared: 0, refused: 0 };
  const lookupKey = Buffer.from(options.secrets.LOOKUP_HMAC_KEY, "base64");
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(plausibleInquiry, async (input) => {
      runs += 1;
      const parsed = InquirySchema.safeParse(input);
      const answer = await client.post(client.envelope(input), "application/json");
      if (!parsed.success) {
        if (answer.status !== 422) throw new Error(`invalid answers got ${answer.status}, not 422: ${answer.body.slice(0, 200)}`);
        counts.refused += 1;
        return;
      }
      const code = referenceCodeOf(answer);
      if (!code) throw new Error(`valid answers got ${answer.status}: ${answer.body.slice(0, 300)}`);
      const stored = await decryptStoredInquiry({ databaseUrl: options.databaseUrl, encryptionKey: options.secrets.FIELD_ENCRYPTION_KEY, referenceCode: code });
      if (!stored) throw new Error(`201 ${code} but no row`);
      const differences = roundTripDifferences({ input, parsed: parsed.data, stored, lookupKey });
      if (differences.length > 0) throw new Error(differences.join("; "));
      counts.compared += 1;
    }),
    { numRuns: options.runs, seed: options.seed },
  );
  return { failure: describeFailure(details), runs, counts };
}
