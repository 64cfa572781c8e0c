import type { StaffRole } from "@/lib/auth/staff-roles";
import type { InquiryStatus } from "@/lib/db/generated/enums";

// The pipeline's rules, in one place (the stage labels and their order are
// data, editable by admins; these rules are not):
//
//   New → Contact attempted → Reached → Screening scheduled → Admitted
//
// - Forward moves may skip stages (a first call can reach the person and book
//   the screening at once), with two exceptions: "Contact attempted" follows
//   only from New, and only by logging an attempt, so it always has one
//   behind it; "Admitted" follows only from "Screening scheduled".
// - One step back: "Screening scheduled" → "Reached" (the screening fell
//   through and must be rebooked). Nothing ever goes back to New: New means
//   nobody has acted yet.
// - Exits (Referred elsewhere, Not a fit, Unreachable, Withdrew) from any open
//   stage, each with an exit reason of that exit (checked on change).
// - Reopen: an exit goes back to "Contact attempted" (try again) or "Reached"
//   (the person got back in touch). Exit to another exit is not a move:
//   reopen, then close with the right reason, so both steps are on record.
// - "Admitted" is final for coordinators; an administrator can correct an
//   admission recorded by mistake back to "Screening scheduled".
// - An inquiry closed as a confirmed duplicate takes no stage changes at all:
//   its story continues on the inquiry it duplicates.
export const OPEN_STAGES = ["NEW", "CONTACT_ATTEMPTED", "REACHED", "SCREENING_SCHEDULED"] as const;
export const EXIT_STAGES = ["REFERRED_ELSEWHERE", "NOT_A_FIT", "UNREACHABLE", "WITHDREW"] as const;
export const PIPELINE_STAGES = [...OPEN_STAGES, "ADMITTED", ...EXIT_STAGES] as const satisfies readonly InquiryStatus[];

export type OpenStage = (typeof OPEN_STAGES)[number];
export type ExitStage = (typeof EXIT_STAGES)[number];
export type TransitionKind = "advance" | "step-back" | "exit" | "reopen" | "correct-admission";
export type TransitionCheck = { ok: true; kind: TransitionKind } | { ok: false; reason: string };

export function isOpenStage(stage: InquiryStatus): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

export function isExitStage(stage: InquiryStatus): stage is ExitStage {
  return (EXIT_STAGES as readonly string[]).includes(stage);
}

// Closed: left the pipeline by admission or an exit (closedAt is set).
export function isClosedStage(stage: InquiryStatus): boolean {
  return stage === "ADMITTED" || isExitStage(stage);
}

const FORWARD_ORDER: readonly InquiryStatus[] = [...OPEN_STAGES, "ADMITTED"];

function checkFromOpen(from: OpenStage, to: InquiryStatus): TransitionCheck {
  if (isExitStage(to)) return { ok: true, kind: "exit" };
  if (to === "NEW") return { ok: false, reason: "An inquiry never goes back to New." };
  if (to === "CONTACT_ATTEMPTED") {
    return { ok: false, reason: "Log the contact attempt instead: the stage follows from it." };
  }
  if (from === "SCREENING_SCHEDULED" && to === "REACHED") return { ok: true, kind: "step-back" };
  if (to === "ADMITTED" && from !== "SCREENING_SCHEDULED") {
    return { ok: false, reason: "Admission follows a scheduled screening." };
  }
  if (FORWARD_ORDER.indexOf(to) > FORWARD_ORDER.indexOf(from)) return { ok: true, kind: "advance" };
  return { ok: false, reason: "That stage is behind the current one." };
}

export function checkTransition(options: {
  from: InquiryStatus;
  to: InquiryStatus;
  role: StaffRole;
  closedAsDuplicate: boolean;
}): TransitionCheck {
  const { from, to } = options;
  if (options.closedAsDuplicate) return { ok: false, reason: "This inquiry was closed as a duplicate; work on the original instead." };
  if (from === to) return { ok: false, reason: "The inquiry is already at that stage." };
  if (isOpenStage(from)) return checkFromOpen(from, to);
  if (from === "ADMITTED") {
    if (to === "SCREENING_SCHEDULED" && options.role === "admin") return { ok: true, kind: "correct-admission" };
    return { ok: false, reason: "Admitted is final. An administrator can correct an admission recorded by mistake." };
  }
  if (to === "CONTACT_ATTEMPTED" || to === "REACHED") return { ok: true, kind: "reopen" };
  return { ok: false, reason: "A closed inquiry reopens to Contact attempted or Reached." };
}

// What the stage controls offer from here, in pipeline order.
export function allowedTransitions(options: {
  from: InquiryStatus;
  role: StaffRole;
  closedAsDuplicate: boolean;
}): { to: InquiryStatus; kind: TransitionKind }[] {
  return PIPELINE_STAGES.flatMap((to) => {
    const check = checkTransition({ ...options, to });
    return check.ok ? [{ to, kind: check.kind }] : [];
  });
}
