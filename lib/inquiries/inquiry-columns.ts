import "server-only";
import type { encryptInquiryFields } from "@/lib/inquiries/encrypt-inquiry-fields";
import type { Inquiry } from "@/lib/validations/inquiry";

// The Inquiry columns both ways in fill alike (the public form's single
// statement and a staff entry's Prisma insert): the closed answers as they
// are, the identifying ones as ciphertext and keyed hashes.
export function inquiryAnswerColumns(inquiry: Inquiry, sealed: ReturnType<typeof encryptInquiryFields>) {
  return {
    urgency: inquiry.inCrisis ? ("URGENT" as const) : ("ROUTINE" as const),
    requesterType: inquiry.requesterType,
    preferredLanguage: inquiry.preferredLanguage,
    preferredContactMethod: inquiry.preferredContactMethod,
    bestTimes: inquiry.bestTimes,
    heardAbout: inquiry.heardAbout ?? null,
    firstNameEnc: sealed.firstNameEnc,
    phoneEnc: sealed.phoneEnc,
    emailEnc: sealed.emailEnc,
    messageEnc: sealed.messageEnc,
    referrerNameEnc: sealed.referrerNameEnc,
    referrerRelationshipEnc: sealed.referrerRelationshipEnc,
    personAwareEnc: sealed.personAwareEnc,
    phoneHash: sealed.phoneHash,
    emailHash: sealed.emailHash,
    firstNameHash: sealed.firstNameHash,
  };
}
