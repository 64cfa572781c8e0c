"use server";

import { headers } from "next/headers";
import type { InquiryFormState } from "@/components/inquiry-form/form-state";
import { clinicDetails } from "@/lib/clinic/clinic-details";
import { submissionRequestFrom } from "@/lib/inquiries/request-context";
import { submitInquiry } from "@/lib/inquiries/submit-inquiry";
import { logger } from "@/lib/logging/logger";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";
import { inquiryFromFormData } from "@/lib/validations/inquiry-form-data";

// The form's server action: works as a plain POST without JavaScript, and as
// an enhanced submission with it. Thin on purpose: everything that decides
// lives in submitInquiry.
export async function submitInquiryAction(_previous: InquiryFormState, formData: FormData): Promise<InquiryFormState> {
  const values = inquiryFromFormData(formData);
  const clinic = clinicDetails();
  try {
    const result = await submitInquiry({
      answers: values,
      envelope: { formToken: formData.get("formToken"), honeypot: formData.get("website") },
      request: submissionRequestFrom(await headers(), "en"),
    });
    if (result.ok) return { status: "received", referenceCode: result.referenceCode, urgent: result.urgent };
    if (result.kind === "invalid") {
      return { status: "invalid", fieldErrors: result.fieldErrors, formErrors: result.formErrors, values };
    }
    if (result.kind === "rate_limited") {
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return {
        status: "failed",
        values,
        message: `We have received many requests from this connection. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or call us at ${clinic.phone}.`,
      };
    }
    if (result.reason === "too_fast") {
      return { status: "failed", values, message: "Please take a moment to check your answers, then send the form again." };
    }
    if (result.reason === "malformed_token") {
      return { status: "failed", values, formToken: issueFormToken({ secret: appSecret() }), message: "This page was open for a while. Please check your answers and send the form again." };
    }
    return { status: "failed", values, message: `We could not accept this form. Please call us at ${clinic.phone}.` };
  } catch (err) {
    logger.error({ err }, "inquiry submission failed unexpectedly");
    return {
      status: "failed",
      values,
      message: `Sorry, we could not send your request just now. Your answers are still here: please try again in a few minutes, or call us at ${clinic.phone}.`,
    };
  }
}
