import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import type { InquiryInput } from "@/lib/validations/inquiry";

export type UniqueInquiry = { index: number; answers: InquiryInput; phoneE164: string };

/**
 * The `index`-th inquiry of a load run: valid, and unique by its phone number
 * ("+1 <area> 5xx xxxx", up to a million per area code), so every stored row
 * can be traced back to exactly one submission. One in ten is urgent, so the
 * urgent variant of the email is exercised too.
 */
export function uniqueInquiry(options: { areaCode: string; index: number }): UniqueInquiry {
  const { index } = options;
  if (!Number.isInteger(index) || index < 0 || index > 999_999) throw new Error(`index out of range: ${index}`);
  const exchange = String(500 + Math.floor(index / 10_000));
  const line = String(index % 10_000).padStart(4, "0");
  return {
    index,
    phoneE164: `+1${options.areaCode}${exchange}${line}`,
    answers: {
      requesterType: "SELF",
      firstName: `Load ${index}`,
      phone: `+1 ${options.areaCode} ${exchange} ${line}`,
      preferredContactMethod: "PHONE",
      bestTimes: ["MORNING"],
      okToLeaveVoicemail: index % 2 === 0,
      okToText: false,
      okToNameProgramme: false,
      preferredLanguage: "en",
      inCrisis: index % 10 === 0,
      consent: true,
      consentTextVersion: CONSENT_TEXT_VERSION,
    },
  };
}
