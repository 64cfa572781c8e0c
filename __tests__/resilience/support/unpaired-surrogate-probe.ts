import { InquirySchema } from "@/lib/validations/inquiry";
import type { Check } from "@/scripts/write-reliability-report";
import { validInquiry } from "../../support/valid-inquiry";
import type { AppSecrets } from "./app-environment";
import { decryptStoredInquiry } from "./decrypt-stored-inquiry";
import { referenceCodeOf, type InquiryApiClient } from "./inquiry-api-client";
import { roundTripDifferences } from "./round-trip";

export const UNPAIRED_SURROGATE = "text with an unpaired UTF-16 surrogate is refused (422) or stored exactly as acknowledged";

/**
 * Unpaired surrogates are legal in a JavaScript string and in JSON
 * ("\ud800") but have no UTF-8 form. A browser never sends one (form
 * submission replaces it), an API client can: it must not be acknowledged
 * and then stored as something else.
 */
export async function probeUnpairedSurrogate(client: InquiryApiClient, options: { databaseUrl: string; secrets: AppSecrets }): Promise<Check> {
  const input = validInquiry({ firstName: "Ann\ud800", message: "before \udfff after" });
  const answer = await client.post(client.envelope(input), "application/json");
  const code = referenceCodeOf(answer);
  const parsed = InquirySchema.safeParse(input);
  const stored = code ? await decryptStoredInquiry({ databaseUrl: options.databaseUrl, encryptionKey: options.secrets.FIELD_ENCRYPTION_KEY, referenceCode: code }) : undefined;
  const lookupKey = Buffer.from(options.secrets.LOOKUP_HMAC_KEY, "base64");
  const differences = stored && parsed.success ? roundTripDifferences({ input, parsed: parsed.data, stored, lookupKey }) : [];
  return {
    name: UNPAIRED_SURROGATE,
    passed: answer.status === 422 || (stored !== undefined && differences.length === 0),
    evidence: `answered ${answer.status}${code ? ` ${code}` : ""}; ${differences.join("; ")}`,
  };
}
