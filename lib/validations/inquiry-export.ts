import { z } from "zod";
import { categoryOf, EXPORT_CATEGORIES } from "@/lib/validations/admin-reason-categories";
import { InboxFilterSchema } from "@/lib/validations/inbox-filter";

// What a CSV export may contain. Operational facts only: no column here is
// encrypted, none names or reaches a person, and none says whether they asked
// for themselves (rule 1). Decrypted answers are not exportable at all: a file
// leaves the audited, access-controlled, encrypted store for good (copied,
// mailed, left in Downloads), so rule 2 (a copy of the data reveals nothing)
// and rule 3 (every read is audited) could no longer hold. Anyone who needs a
// person's details opens the record, and that view is audited.
export const EXPORT_COLUMNS = {
  referenceCode: "Reference",
  receivedAt: "Received (UTC)",
  stage: "Stage",
  exitReason: "Exit reason",
  urgency: "Urgency",
  preferredLanguage: "Preferred language",
  preferredContactMethod: "Preferred contact method",
  referralSource: "Referral source",
  channel: "Channel",
  assignee: "Assigned to",
  firstContactAt: "First contact (UTC)",
  unsuccessfulAttempts: "Unsuccessful attempts",
  closedAt: "Closed (UTC)",
  legalHold: "Legal hold",
} as const;
export type ExportColumn = keyof typeof EXPORT_COLUMNS;
export const EXPORT_COLUMN_KEYS = Object.keys(EXPORT_COLUMNS) as ExportColumn[];
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = ["referenceCode", "receivedAt", "stage", "urgency", "channel"];

// The inbox's filters, never its search: a phone number or an email address
// typed there would otherwise end up in the export's audit entry.
export const ExportFilterSchema = InboxFilterSchema.pick({ stage: true, urgency: true, assignee: true, language: true, source: true, channel: true, from: true, to: true });
export type ExportFilter = z.infer<typeof ExportFilterSchema>;

export const InquiryExportSchema = z.object({
  // A category, never free text: the reason is kept in the audit trail for good.
  category: categoryOf(EXPORT_CATEGORIES),
  columns: z
    .array(z.enum(EXPORT_COLUMN_KEYS as [ExportColumn, ...ExportColumn[]]))
    .min(1, "Choose at least one column.")
    .transform((columns) => EXPORT_COLUMN_KEYS.filter((key) => columns.includes(key))),
  filter: ExportFilterSchema,
});
export type InquiryExportRequest = z.infer<typeof InquiryExportSchema>;
