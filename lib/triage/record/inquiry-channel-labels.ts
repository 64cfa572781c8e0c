import type { InquiryChannel } from "@/lib/validations/inquiry-options";

// Staff-facing names of the channels an inquiry arrives by: the inbox label,
// the filter, the detail page, reports and the CSV export.
export const CHANNEL_LABELS: Record<InquiryChannel, string> = {
  WEB: "Web form",
  PHONE: "Phone call",
  WALK_IN: "Walk-in",
  REFERRAL_FAX: "Referral by fax",
  REFERRAL_EMAIL: "Referral by email",
  REFERRAL_PORTAL: "Referral portal",
  OTHER: "Other",
};
