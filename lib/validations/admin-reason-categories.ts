import { z } from "zod";

// Why an admin placed a legal hold, deleted on request or exported: a closed
// list, so the append-only audit trail never holds free text a person typed
// (which could name someone). A hold's case reference, the one piece of free
// text that is needed, is kept encrypted beside the record and goes with it
// (lib/triage/retention/record-admin-reason-note.ts).
export const LEGAL_HOLD_CATEGORIES = {
  litigation: "Litigation, subpoena or court order",
  regulator: "Regulator or licensing inquiry",
  complaint: "Complaint or internal review",
  other: "Other",
} as const;

export const DELETION_CATEGORIES = {
  person_in_writing: "The person asked in writing",
  person_by_phone: "The person asked by phone",
  person_in_person: "The person asked in person",
  representative: "Someone entitled to act for them asked",
  entered_in_error: "Entered in error or a test",
  other: "Other",
} as const;

export const EXPORT_CATEGORIES = {
  quality_report: "Quality or outcomes report",
  funder_report: "Funder or payer report",
  compliance_audit: "Compliance audit",
  programme_planning: "Programme planning",
  other: "Other",
} as const;

// A form that omits the choice (an old page, a script) records "other".
export function categoryOf<T extends Record<string, string>>(categories: T) {
  const keys = Object.keys(categories) as [keyof T & string, ...(keyof T & string)[]];
  return z.enum(keys, { error: "Choose a reason from the list." }).default(keys[keys.length - 1] as keyof T & string);
}
