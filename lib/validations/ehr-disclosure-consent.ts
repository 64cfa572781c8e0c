import { z } from "zod";

// Staff recording the person's EHR-disclosure consent (issue 13). Checkboxes
// post "on" when ticked and nothing otherwise.
const checkbox = z.literal("on").optional().transform((value) => value === "on");

export const EhrDisclosureConsentSchema = z.object({
  inquiryId: z.uuid("Unknown inquiry."),
  decision: z.enum(["grant", "withdraw"], "Choose whether the person agreed."),
  recipient: z.string().trim().min(2, "Name the treatment provider (and its record system).").max(200, "At most 200 characters."),
  includeReferrer: checkbox,
});
