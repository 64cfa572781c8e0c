import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import type { Prisma } from "@/lib/db/generated/client";

// Keeps an admin's free text about an inquiry encrypted beside the record
// (deleted with its personal details, re-encrypted by keys:rotate) and returns
// the id the audit row refers to instead of holding the text.
export async function recordAdminReasonNote(options: { tx: Prisma.TransactionClient; inquiryId: string; action: string; text: string }): Promise<string> {
  const id = randomUUID();
  const textEnc = encryptField({ keyring: getKeyring(), plaintext: options.text, context: `AdminReasonNote.text:${id}` });
  await options.tx.adminReasonNote.create({ data: { id, inquiryId: options.inquiryId, action: options.action, textEnc } });
  return id;
}
