import { z } from "zod";
import { visibleLength } from "@/lib/validations/visible-text";
import { REFERENCE_CODE_PATTERN } from "@/lib/inquiries/reference-code";
import { categoryOf, DELETION_CATEGORIES, LEGAL_HOLD_CATEGORIES } from "@/lib/validations/admin-reason-categories";

const referenceCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(REFERENCE_CODE_PATTERN, "Enter the reference code as it appears, e.g. K7Q3-M9TD."));

const reason = z
  .string()
  .transform((value) => value.normalize("NFC").trim())
  .pipe(z.string().refine((v) => visibleLength(v) >= 5, "Give the reason (at least 5 characters).").max(500, "Keep the reason under 500 characters."));

// An admin's legal-hold and deletion requests. Both record a reason category
// in the audit log; a hold also its case reference (kept beside the record,
// not in the audit trail); deletion needs an explicit confirmation, as it
// cannot be undone, and keeps no free text (the record's details are gone).
export const LegalHoldRequestSchema = z.object({ referenceCode, category: categoryOf(LEGAL_HOLD_CATEGORIES), reason, hold: z.enum(["place", "lift"]) });
export const DeletionRequestSchema = z.object({
  referenceCode,
  category: categoryOf(DELETION_CATEGORIES),
  confirm: z.literal("yes", { error: "Tick the box to confirm that this cannot be undone." }),
});
