"use server";

import { headers } from "next/headers";
import type { InquiryFormState } from "@/components/inquiry-form/form-state";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { submissionRequestFrom } from "@/lib/inquiries/request-context";
import { submitInquiry } from "@/lib/inquiries/submit-inquiry";
import { observeSubmission } from "@/lib/metrics/submission-metrics";
import { logger } from "@/lib/logging/logger";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";
import { inquiryFromFormData } from "@/lib/validations/inquiry-form-data";

// The form's server action: works as a plain POST without JavaScript, and as
// an enhanced submission with it. Thin on purpose: everything that decides
// lives in submitInquiry.
export async function submitInquiryAction(_previous: InquiryFormState, formData: FormData): Promise<InquiryFormState> {
  const values = inquiryFromFormData(formData);
  const posted = formData.get("locale");
  const locale = isLocale(posted) ? posted : DEFAULT_LOCALE;
  try {
    const request = submissionRequestFrom(await headers(), locale);
    const result = await observeSubmission(() =>
      submitInquiry({ answers: values, envelope: { formToken: formData.get("formToken"), honeypot: formData.get("website"), challengeSolution: formData.get("altcha") }, request }),
    );
    if (result.ok) return { status: "received", referenceCode: result.referenceCode, urgent: result.urgent };
    if (result.kind === "invalid") {
      return { status: "invalid", fieldErrors: result.fieldErrors, formErrors: result.formErrors, values };
    }
    // Solved in the browser and sent again; without JavaScript the form shows
    // the clinic's phone number with the answers kept (see InquiryForm).
    if (result.kind === "challenge") return { status: "challenge", challenge: result.challenge, values };
    // Every trap gets the same answer and a fresh token: a person whose page
    // was open for days, or who pressed Send a moment too soon, just sends
    // again; a script learns nothing about which check it failed.
    return { status: "failed", reason: "refused", values, formToken: issueFormToken({ secret: appSecret() }) };
  } catch (err) {
    logger.error({ err }, "inquiry submission failed unexpectedly");
    return { status: "failed", reason: "unavailable", values };
  }
}
