import { hasRecentReauthentication } from "@/lib/auth/reauthentication";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { getEnv } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem-response";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { logger } from "@/lib/logging/logger";
import { exportInquiries, ExportRefusedError } from "@/lib/triage/export/export-inquiries";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { InquiryExportSchema } from "@/lib/validations/inquiry-export";

const FILTER_KEYS = ["stage", "urgency", "assignee", "language", "source", "channel", "from", "to"] as const;

// POST from the export form (app/staff/(signed-in)/admin/export): a plain form
// post, so the browser downloads the file without any script. A file cannot
// carry field errors back, so a refused request returns to the form with the
// filter and an error code in the query string (never the reason text).
export async function POST(request: Request): Promise<Response> {
  // Staff cookies are SameSite=Lax, which already keeps them off cross-site
  // POSTs; a browser's POST always carries Origin, so one without is refused too.
  if (request.headers.get("origin") === null || isForeignOrigin(request)) {
    return problemResponse({ status: 403, title: "Cross-site request refused" });
  }
  let admin;
  try {
    admin = await requireStaffAction({ role: "admin" });
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return problemResponse({ status: error.reason === "forbidden" ? 403 : 401, title: "Not allowed" });
    throw error;
  }
  const form = await request.formData();
  const filter = Object.fromEntries(FILTER_KEYS.map((key) => [key, form.get(key) ?? undefined]));
  const parsed = InquiryExportSchema.safeParse({ category: form.get("category") ?? undefined, columns: form.getAll("columns"), filter });
  // Taking data out needs a recent "Confirm it's you" (lib/auth/reauthentication.ts).
  if (!(await hasRecentReauthentication(admin))) return backToForm(filter, "reauth");
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === "columns" ? "columns" : "category";
    return backToForm(filter, field);
  }
  try {
    const result = await exportInquiries({ admin, request: parsed.data });
    return new Response(result.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof ExportRefusedError) return backToForm(filter, "too-many");
    if (error instanceof StaffNotActiveError) return problemResponse({ status: 403, title: "Not allowed" });
    logger.error({ err: error }, "export failed");
    return problemResponse({ status: 500, title: "The export failed", detail: "Nothing was exported. Try again in a moment." });
  }
}

function backToForm(filter: Record<string, FormDataEntryValue | undefined>, error: string): Response {
  const query = new URLSearchParams({ error });
  for (const [key, value] of Object.entries(filter)) if (typeof value === "string" && value !== "") query.set(key, value);
  return Response.redirect(new URL(`/staff/admin/export?${query}`, getEnv().PUBLIC_URL), 303);
}
