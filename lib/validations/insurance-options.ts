// The closed sets of insurance answers (issue 12), shared by the public form's
// optional step, staff entry and the data model (enums CoverageKind,
// VerificationStatus in prisma/schema.prisma).

export const COVERAGE_KINDS = ["PRIVATE", "MEDICAID", "MEDICARE", "NONE", "UNSURE"] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

// Kinds that name no insurer: their payer and member details are not kept.
export const KINDS_WITHOUT_DETAILS: readonly CoverageKind[] = ["NONE"];

export const POLICY_HOLDER_ANSWERS = ["YES", "NO"] as const;

// A payer is answered by its code; "OTHER" (never a row of Payer) means the
// person wrote the insurer's name instead.
export const OTHER_PAYER = "OTHER";
export const PAYER_CODE = /^[A-Z0-9_]{1,40}$/;

// A payer as the public form offers it (code and label from the Payer table).
export type PayerOption = { code: string; label: string };

export const VERIFICATION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "VERIFIED_ACTIVE", "INACTIVE", "NEEDS_AUTHORISATION", "SELF_PAY"] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

// Statuses that record a result: who and when are stamped on them.
export const VERIFICATION_RESULTS: readonly VerificationStatus[] = ["VERIFIED_ACTIVE", "INACTIVE", "NEEDS_AUTHORISATION", "SELF_PAY"];
// Still to be done: the "waiting for verification" queue.
export const VERIFICATION_PENDING: readonly VerificationStatus[] = ["NOT_STARTED", "IN_PROGRESS"];

export const INSURANCE_LIMITS = {
  payerOther: 100,
  memberId: 40,
  groupNumber: 40,
  subscriberName: 100,
  reference: 60,
  notes: 1000,
} as const;
