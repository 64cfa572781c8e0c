import { AppError } from "@/lib/actions/app-error";

// Expected refusals of triage commands. Their messages are written for staff
// and may be shown as they are; they never carry personal data. `field` names
// the form field the refusal is about, when there is one.
export class TriageRefusedError extends AppError {
  constructor(message: string, field?: string) {
    super(message, { field });
  }
}

export class InquiryNotFoundError extends AppError {
  constructor() {
    super("That inquiry does not exist, or has been deleted.", { kind: "not-found" });
  }
}

// The acting account is no longer allowed in (disabled, role removed, second
// factor reset) even though its session was valid a moment ago.
export class StaffNotActiveError extends AppError {
  constructor() {
    super("Your account cannot do this any more. Sign in again or ask an administrator.", { kind: "forbidden" });
  }
}
