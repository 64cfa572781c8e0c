import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { idempotencyKeyFor } from "@/lib/inquiries/idempotency-key";
import { isActiveReferralSource } from "@/lib/inquiries/referral-source-options";
import { isPayerAccepted } from "@/lib/insurance/is-payer-accepted";
import { storeStaffInquiry } from "@/lib/inquiries/store-staff-inquiry";
import { logger } from "@/lib/logging/logger";
import { appSecret } from "@/lib/security/secrets";
import { autoAssignInquiry } from "@/lib/triage/pipeline/auto-assign-inquiry";
import { flagPossibleDuplicate } from "@/lib/triage/duplicates/flag-possible-duplicate";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { staffInquirySchema } from "@/lib/validations/inquiry";

export type EnterStaffInquiryResult =
  | { ok: true; id: string; referenceCode: string; possibleDuplicateOfId: string | null }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

// A coordinator enters an inquiry from a call, a walk-in or a referral
// partner: validated by the one inquiry schema (with the staff-only fields),
// stored like a web inquiry, then checked for duplicates and, with
// round-robin on, assigned at once. Both steps run here rather than waiting
// for the arrivals job: its cursor follows "createdAt", and a first contact
// dated earlier than the job's position would never be picked up by it.
export async function enterStaffInquiry(options: {
  actor: TriageActor;
  answers: unknown;
  // A random value rendered into the form: one inquiry per form and answers.
  formNonce: string;
  now?: Date;
}): Promise<EnterStaffInquiryResult> {
  const { timeZone } = await getTriageSettings();
  const parsed = staffInquirySchema({ timeZone, now: options.now ?? new Date() }).safeParse(options.answers);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error);
    return { ok: false, fieldErrors: fieldErrors as Record<string, string[]>, formErrors };
  }
  // As on the public path: the schema checks the codes' shape; admins add and
  // retire sources and payers, so whether one is offered is the database's.
  if (parsed.data.heardAbout && !(await isActiveReferralSource(parsed.data.heardAbout))) {
    return { ok: false, fieldErrors: { heardAbout: ["heardAbout.invalid"] }, formErrors: [] };
  }
  if (!(await isPayerAccepted({ db: getDb(), payerCode: parsed.data.insurancePayer }))) {
    return { ok: false, fieldErrors: { insurancePayer: ["insurancePayer.unknown"] }, formErrors: [] };
  }
  const stored = await storeStaffInquiry({
    actor: options.actor,
    inquiry: parsed.data,
    idempotencyKey: idempotencyKeyFor({ secret: appSecret(), nonce: `staff:${options.formNonce}`, inquiry: parsed.data }),
  });
  const { possibleDuplicateOfId } = await flagPossibleDuplicate({ inquiryId: stored.id });
  await autoAssignInquiry({ inquiryId: stored.id });
  if (stored.kind === "created") {
    logger.info({ inquiryId: stored.id, channel: parsed.data.channel, userId: options.actor.user.id }, "inquiry entered by staff");
  }
  return { ok: true, id: stored.id, referenceCode: stored.referenceCode, possibleDuplicateOfId };
}
