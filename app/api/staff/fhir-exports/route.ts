import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { getEnv } from "@/lib/env";
import { exportFhirBundle } from "@/lib/fhir/export-fhir-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { problemResponse } from "@/lib/http/problem-response";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { logger } from "@/lib/logging/logger";
import { InquiryNotFoundError, StaffNotActiveError } from "@/lib/triage/access/triage-errors";

// POST from the detail page's hand-off panel: a plain form post over the
// staff session, answered with the FHIR file itself. The record never goes
// into a URL or an email; the inquiry id comes in the form body.
export async function POST(request: Request): Promise<Response> {
  if (request.headers.get("origin") === null || isForeignOrigin(request)) {
    return problemResponse({ status: 403, title: "Cross-site request refused" });
  }
  let staff;
  try {
    staff = await requireStaffAction();
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return problemResponse({ status: error.reason === "forbidden" ? 403 : 401, title: "Not allowed" });
    throw error;
  }
  const form = await request.formData();
  const inquiryId = form.get("inquiryId");
  if (typeof inquiryId !== "string") return problemResponse({ status: 400, title: "Which inquiry?", detail: "The form did not say which inquiry to export." });
  try {
    const send = form.get("destination") === "endpoint";
    const result = await exportFhirBundle({ actor: staff, inquiryId, send });
    // Queued in the outbox: back to the record (failures appear under Failed notifications).
    if (send) return Response.redirect(new URL(`/staff/inquiries/${inquiryId}`, getEnv().PUBLIC_URL), 303);
    return new Response(JSON.stringify(result.bundle, null, 2), {
      headers: {
        "Content-Type": "application/fhir+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof FhirExportRefusedError) return problemResponse({ status: 409, title: "Not exported", detail: error.message });
    if (error instanceof InquiryNotFoundError) return problemResponse({ status: 404, title: "No such inquiry" });
    if (error instanceof StaffNotActiveError) return problemResponse({ status: 403, title: "Not allowed" });
    logger.error({ err: error }, "FHIR export failed");
    return problemResponse({ status: 500, title: "The export failed", detail: "Nothing was exported. Try again in a moment." });
  }
}
