import type { Prisma } from "@/lib/db/generated/client";
import { VERIFICATION_PENDING, type VerificationStatus } from "@/lib/validations/insurance-options";

// Kinds whose benefits can be checked with a payer ("not sure" included:
// staff find out). "No insurance" is never waiting for a verification.
const VERIFIABLE_KINDS = ["PRIVATE", "MEDICAID", "MEDICARE", "UNSURE"] as const;

// The inbox's verification filter as a Prisma condition. No verification row
// means not started. "waiting": a coverage to check, and no result yet.
export function verificationWhere(filter: "waiting" | VerificationStatus): Prisma.InquiryWhereInput {
  if (filter === "waiting") {
    return {
      coverages: { some: { kind: { in: [...VERIFIABLE_KINDS] } } },
      OR: [{ verification: { is: null } }, { verification: { is: { status: { in: [...VERIFICATION_PENDING] } } } }],
    };
  }
  if (filter === "NOT_STARTED") return { OR: [{ verification: { is: null } }, { verification: { is: { status: "NOT_STARTED" } } }] };
  return { verification: { is: { status: filter } } };
}
