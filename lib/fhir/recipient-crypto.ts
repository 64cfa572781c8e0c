import "server-only";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";

// ConsentRecord.recipientEnc: the treatment provider a disclosure consent
// names. Encrypted because it says where the person is being treated.
export function recipientContext(consentRecordId: string): string {
  return `ConsentRecord.recipient:${consentRecordId}`;
}

export function sealRecipient(consentRecordId: string, recipient: string): string {
  return encryptField({ keyring: getKeyring(), plaintext: recipient, context: recipientContext(consentRecordId) });
}

export function openRecipient(consentRecordId: string, ciphertext: string): string {
  return decryptField({ keyring: getKeyring(), ciphertext, context: recipientContext(consentRecordId) });
}
