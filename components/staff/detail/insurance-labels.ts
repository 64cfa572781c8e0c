import type { CoverageKind, VerificationStatus } from "@/lib/validations/insurance-options";

// Staff-facing wording of insurance answers and verification statuses (issue 12).
export const COVERAGE_KIND_LABELS: Record<CoverageKind, string> = {
  PRIVATE: "Private or employer insurance",
  MEDICAID: "Medicaid",
  MEDICARE: "Medicare",
  NONE: "No insurance",
  UNSURE: "Not sure",
};

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  VERIFIED_ACTIVE: "Verified: active",
  INACTIVE: "Inactive coverage",
  NEEDS_AUTHORISATION: "Needs authorisation",
  SELF_PAY: "Self-pay",
};
