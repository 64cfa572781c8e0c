import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaffAction, StaffAccessDeniedError, type StaffContext } from "@/lib/auth/require-staff";
import { logger } from "@/lib/logging/logger";
import type { TriageActionState } from "@/lib/triage/triage-action-result";
import { InquiryNotFoundError, StaffNotActiveError, TriageRefusedError } from "@/lib/triage/triage-errors";

const fail = (formError: string | null, fieldErrors: Record<string, string[]> = {}): TriageActionState => ({ ok: false, fieldErrors, formError });

// The frame of every action on the detail page: check the session first (the
// page's check does not cover a posted form), then parse, then do the work,
// then re-render the page. Expected refusals become messages; anything else
// is logged without personal data (the error class only) and the person is
// told that nothing changed, which holds because each command is one
// transaction.
export async function runTriageAction<S extends z.ZodType<{ inquiryId: string }>>(options: {
  form: FormData;
  schema: S;
  work: (staff: StaffContext, input: z.output<S>) => Promise<string>;
}): Promise<TriageActionState> {
  let staff: StaffContext;
  try {
    staff = await requireStaffAction();
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return fail("Your session has ended. Sign in again, then repeat this step.");
    throw error;
  }
  const parsed = options.schema.safeParse(Object.fromEntries(options.form));
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return fail(formErrors[0] ?? null, fieldErrors as Record<string, string[]>);
  }
  try {
    const message = await options.work(staff, parsed.data);
    revalidatePath(`/staff/inquiries/${parsed.data.inquiryId}`);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof TriageRefusedError) return error.field ? fail(null, { [error.field]: [error.message] }) : fail(error.message);
    if (error instanceof InquiryNotFoundError || error instanceof StaffNotActiveError) return fail(error.message);
    logger.error({ err: error, userId: staff.user.id }, "inquiry detail action failed");
    return fail("Something went wrong and nothing was changed. Try again; if it keeps happening, tell an administrator.");
  }
}
