import "server-only";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";

// A note version's text is bound to its own row (AAD), so a ciphertext moved
// to another version, note or inquiry fails to decrypt instead of showing
// words under someone else's name.
function context(versionId: string): string {
  return `InquiryNoteVersion.body:${versionId}`;
}

export function encryptNoteBody(options: { versionId: string; body: string }): string {
  return encryptField({ keyring: getKeyring(), plaintext: options.body, context: context(options.versionId) });
}

export function decryptNoteBody(options: { versionId: string; bodyEnc: string }): string {
  return decryptField({ keyring: getKeyring(), ciphertext: options.bodyEnc, context: context(options.versionId) });
}
