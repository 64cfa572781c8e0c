import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import type { ConsentSubject } from "@/lib/db/generated/enums";
import type { Inquiry } from "@/lib/validations/inquiry";

// One row per subject, granted or not, so staff can see exactly what the person
// agreed to under which wording. Later changes (withdrawal) add rows; none is
// ever overwritten.
export function consentRecordsFor(inquiry: Inquiry): { subject: ConsentSubject; granted: boolean; consentTextVersion: string }[] {
  const grants: [ConsentSubject, boolean][] = [
    ["INTAKE_CONTACT", inquiry.consent],
    ["CALL", inquiry.phone !== undefined],
    ["VOICEMAIL", inquiry.okToLeaveVoicemail],
    ["TEXT", inquiry.okToText],
    ["EMAIL", inquiry.email !== undefined],
    ["NAME_PROGRAMME", inquiry.okToNameProgramme],
  ];
  return grants.map(([subject, granted]) => ({ subject, granted, consentTextVersion: CONSENT_TEXT_VERSION }));
}
