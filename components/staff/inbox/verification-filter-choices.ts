import { VERIFICATION_STATUS_LABELS } from "@/components/staff/detail/insurance-labels";
import { VERIFICATION_STATUSES } from "@/lib/validations/insurance-options";

// The inbox's "Benefits verification" filter (issue 12).
export const VERIFICATION_FILTER_CHOICES: [string, string][] = [
  ["", "Any"],
  ["waiting", "Waiting for verification"],
  ...VERIFICATION_STATUSES.map((status): [string, string] => [status, VERIFICATION_STATUS_LABELS[status]]),
];
