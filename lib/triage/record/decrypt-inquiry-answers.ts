import "server-only";
import { decryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";

export const ENCRYPTED_ANSWERS = ["firstName", "phone", "email", "message", "referrerName", "referrerRelationship", "personAware", "referringOrganisation"] as const;
export type EncryptedAnswer = (typeof ENCRYPTED_ANSWERS)[number];
export type SealedAnswers = { [K in EncryptedAnswer as `${K}Enc`]: string | null };
export type InquiryAnswers = Record<EncryptedAnswer, string | null>;

// The encrypted answers of one inquiry in plaintext, each checked against its
// column and row (lib/inquiries/encrypt-inquiry-fields.ts seals them so).
// Absent answers, and everything after anonymisation, are null.
export function decryptInquiryAnswers(options: { inquiryId: string; sealed: SealedAnswers }): InquiryAnswers {
  const keyring = getKeyring();
  const open = (column: EncryptedAnswer): string | null => {
    const ciphertext = options.sealed[`${column}Enc`];
    return ciphertext === null ? null : decryptField({ keyring, ciphertext, context: `Inquiry.${column}:${options.inquiryId}` });
  };
  return Object.fromEntries(ENCRYPTED_ANSWERS.map((column) => [column, open(column)])) as InquiryAnswers;
}
