import { z } from "zod";
import { lastKnownClinicDetails } from "@/lib/clinic/load-clinic-details";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { problemResponse } from "@/lib/http/problem-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { submissionRequestFrom } from "@/lib/inquiries/request-context";
import { submitInquiry } from "@/lib/inquiries/submit-inquiry";
import { observeSubmission } from "@/lib/metrics/submission-metrics";
import { logger } from "@/lib/logging/logger";
import { messageFor } from "@/lib/validations/messages";

const MAX_BODY_BYTES = 16 * 1024;

const Envelope = z.strictObject({
  formToken: z.string().max(200),
  website: z.string().max(200).optional(),
  // A solved proof of work (base64 ALTCHA payload), after a 428 asked for one.
  altcha: z.string().max(2048).optional(),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  inquiry: z.unknown(),
});

// The same submission path as the form's server action, over HTTP, for
// integrations and load tests. Body: { formToken, inquiry: {...answers} };
// get a token from POST /api/v1/form-tokens. Past a load threshold the answer
// is 428 with an ALTCHA `challenge`: solve it and send the same body again
// with `altcha` (the solution payload). Every refusal looks the same.
export async function POST(request: Request): Promise<Response> {
  if (isForeignOrigin(request)) return problemResponse({ status: 403, title: "Cross-site request refused" });
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    if (body.reason === "too_large") return problemResponse({ status: 413, title: "Request body too large" });
    if (body.reason === "wrong_type") return problemResponse({ status: 415, title: "Send application/json" });
    return problemResponse({ status: 400, title: "Malformed JSON" });
  }
  const envelope = Envelope.safeParse(body.value);
  if (!envelope.success) {
    return problemResponse({ status: 400, title: "Malformed submission", detail: "Expected { formToken, inquiry }." });
  }
  try {
    const { formToken, website, altcha, locale, inquiry } = envelope.data;
    const result = await observeSubmission(() =>
      submitInquiry({
        answers: inquiry,
        envelope: { formToken, honeypot: website, challengeSolution: altcha },
        request: submissionRequestFrom(request.headers, locale),
      }),
    );
    if (result.ok) return Response.json({ referenceCode: result.referenceCode }, { status: 201, headers: { "Cache-Control": "no-store" } });
    if (result.kind === "invalid") {
      const errors = Object.entries(result.fieldErrors).flatMap(([field, codes]) =>
        codes.map((code) => ({ field, code, message: messageFor(code) })),
      );
      return problemResponse({
        status: 422,
        title: "Some answers need attention",
        extensions: { errors, formErrors: result.formErrors.map(() => "unrecognized_or_malformed_input") },
      });
    }
    if (result.kind === "challenge") {
      return problemResponse({
        status: 428,
        title: "Proof of work required",
        detail: "Solve the challenge and send the same submission again with its solution in `altcha`.",
        extensions: { challenge: result.challenge },
      });
    }
    return problemResponse({ status: 400, title: "Submission refused" });
  } catch (err) {
    logger.error({ err }, "inquiry API submission failed unexpectedly");
    const clinic = lastKnownClinicDetails();
    // Not "was not stored": the connection can die after COMMIT, before the
    // answer. What is always true is that a retry with the same form token and
    // answers is safe (idempotency) and the clinic can be called.
    return problemResponse({
      status: 503,
      title: "Service temporarily unavailable",
      detail: `We could not confirm that your request was saved. Sending it again is safe: it will not be stored twice. Please try again shortly, or call ${clinic.phone}.`,
      extensions: { phone: clinic.phone },
      headers: { "Retry-After": "30" },
    });
  }
}
