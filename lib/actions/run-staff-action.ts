import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { AppError } from "@/lib/actions/app-error";
import { fieldErrorsOf, refused, type ActionState } from "@/lib/actions/action-state";
import { requireStaffAction, StaffAccessDeniedError, type StaffContext } from "@/lib/auth/require-staff";
import { logger } from "@/lib/logging/logger";

const SESSION_ENDED = "Your session has ended. Sign in again, then repeat this step.";
const ADMINS_ONLY = "Only administrators can do that.";
const CONFIRM_FIRST = "Confirm it's you first (link at the top of the page).";
const UNEXPECTED = "Something went wrong and nothing was changed. Try again; if it keeps happening, tell an administrator.";

export type StaffActionOptions<S extends z.ZodType, Extra extends object> = {
  /** Who may: every enrolled staff member (the default) or administrators only. */
  access?: "staff" | "admin";
  /** The submitted values, as the schema reads them (usually Object.fromEntries(form)). */
  input: unknown;
  schema: S;
  /** One domain call; its own transaction re-checks the account and the rules. */
  work: (staff: StaffContext, input: z.output<S>) => Promise<ActionState<Extra>>;
  /** The page to re-render once the work has run. */
  revalidate?: string | ((input: z.output<S>) => string);
  /** Values a refused form keeps (a long settings form, a webhook being added); never sent to a caller refused at the door. */
  keep?: Record<string, unknown>;
  /** For forms with nested fields: how many path segments name a field. */
  fieldDepth?: (first: PropertyKey) => number;
};

// The one frame of every staff server action: the session and role are
// checked first (a page's check does not cover a posted form), then the input
// is parsed, then the work runs, then the page is re-rendered. An AppError
// becomes a message for its field or the form; anything else is logged
// without personal data (the error class only) and the person is told that
// nothing changed, which holds because each command is one transaction.
export async function runStaffAction<S extends z.ZodType, Extra extends object = Record<never, never>>(
  options: StaffActionOptions<S, Extra>,
): Promise<ActionState<Extra>> {
  const admin = options.access === "admin";
  let staff: StaffContext;
  try {
    staff = await requireStaffAction(admin ? { role: "admin" } : {});
  } catch (error) {
    // Nothing typed is echoed to a caller without the right session or role.
    if (error instanceof StaffAccessDeniedError) return refused(admin ? ADMINS_ONLY : SESSION_ENDED);
    throw error;
  }
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, options.fieldDepth);
    const { [""]: formError = null, ...perField } = fieldErrors;
    return keeping(refused(formError, perField), options.keep);
  }
  let state: ActionState<Extra>;
  try {
    state = await options.work(staff, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return keeping(refusalOf(error, admin), options.keep);
    logger.error({ err: error, userId: staff.user.id }, "staff action failed");
    return keeping(refused(UNEXPECTED), options.keep);
  }
  // Outside the try: the work has committed, so "nothing was changed" would
  // be untrue if re-rendering failed.
  if (options.revalidate) revalidatePath(typeof options.revalidate === "string" ? options.revalidate : options.revalidate(parsed.data));
  return state && !state.ok ? keeping(state, options.keep) : state;
}

function refusalOf(error: AppError, admin: boolean) {
  if (error.kind === "forbidden") return refused(admin ? ADMINS_ONLY : error.message);
  if (error.kind === "reauthenticate") return refused(CONFIRM_FIRST);
  return error.field ? refused(null, { [error.field]: error.message }) : refused(error.message);
}

function keeping<T extends { ok: false }>(state: T, values: Record<string, unknown> | undefined): T {
  return values ? { ...state, values } : state;
}
