import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import type { Keyring } from "@/lib/crypto/keyring-format";
import { storedSecretConfig, storedSecretVersion } from "@/lib/keys/better-auth-secrets";
import { likePrefix } from "@/lib/keys/sql-client";

export type SealContext = { keyring: Keyring; authSigningSecret: string };

// How one kind of ciphertext is recognised and re-encrypted.
export type SealFormat = {
  // SQL condition (on column "$col", parameter $1) for values to re-encrypt.
  stale: string;
  staleParam: (ctx: SealContext) => string;
  // SQL condition for values under a field key other than the active one;
  // while any remain, no key id is retired.
  underOldKey: string;
  reseal: (options: { value: string; rowId: string; ctx: SealContext }) => Promise<string>;
};

export type SealedColumn = { table: string; column: string; idType: "uuid" | "text"; format: SealFormat };

// Our own AES-256-GCM values (lib/crypto), bound to column and row by AAD.
function fieldFormat(context: (rowId: string) => string): SealFormat {
  return {
    stale: `$col NOT LIKE $1 ESCAPE '\\'`,
    staleParam: (ctx) => likePrefix(`v1.${ctx.keyring.active.id}.`),
    underOldKey: `$col NOT LIKE $1 ESCAPE '\\'`,
    async reseal({ value, rowId, ctx }) {
      const plaintext = decryptField({ keyring: ctx.keyring, ciphertext: value, context: context(rowId) });
      return encryptField({ keyring: ctx.keyring, plaintext, context: context(rowId) });
    },
  };
}

// Better Auth's envelope ("$ba$<version>$<hex>", or bare hex from before
// versioned secrets); see better-auth-secrets.ts. Values under the signing
// version are re-encrypted too but never block retiring a field key.
const betterAuthFormat: SealFormat = {
  stale: `(($col LIKE '$ba$%' AND $col NOT LIKE $1 ESCAPE '\\') OR $col ~ '^[0-9a-f]+$')`,
  staleParam: (ctx) => likePrefix(`$ba$${storedSecretVersion(ctx.keyring.active.id)}$`),
  underOldKey: `($col LIKE '$ba$%' AND $col NOT LIKE '$ba$0$%' AND $col NOT LIKE $1 ESCAPE '\\')`,
  async reseal({ value, ctx }) {
    const key = storedSecretConfig({ keyring: ctx.keyring, signingSecret: ctx.authSigningSecret });
    return symmetricEncrypt({ key, data: await symmetricDecrypt({ key, data: value }) });
  },
};

const inquiry = (answer: string): SealedColumn => ({
  table: "Inquiry",
  column: `${answer}Enc`,
  idType: "uuid",
  format: fieldFormat((id) => `Inquiry.${answer}:${id}`),
});

// Every encrypted column in the database. A new one is one entry here, and
// `npm run keys:rotate` and the key retirement cover it.
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  ...["firstName", "phone", "email", "message", "referrerName", "referrerRelationship", "personAware", "referringOrganisation"].map(inquiry),
  { table: "InquiryNoteVersion", column: "bodyEnc", idType: "uuid", format: fieldFormat((id) => `InquiryNoteVersion.body:${id}`) },
  { table: "AdminReasonNote", column: "textEnc", idType: "uuid", format: fieldFormat((id) => `AdminReasonNote.text:${id}`) },
  ...(["url", "secret", "previousSecret"] as const).map(
    (column): SealedColumn => ({ table: "WebhookEndpoint", column: `${column}Enc`, idType: "uuid", format: fieldFormat((id) => `WebhookEndpoint.${column}:${id}`) }),
  ),
  ...(["payerOther", "memberId", "groupNumber", "subscriberName", "subscriberDob"] as const).map(
    (column): SealedColumn => ({ table: "InquiryCoverage", column: `${column}Enc`, idType: "uuid", format: fieldFormat((id) => `InquiryCoverage.${column}:${id}`) }),
  ),
  ...(["reference", "notes"] as const).map(
    (column): SealedColumn => ({ table: "InquiryVerification", column: `${column}Enc`, idType: "uuid", format: fieldFormat((id) => `InquiryVerification.${column}:${id}`) }),
  ),
  { table: "ConsentRecord", column: "recipientEnc", idType: "uuid", format: fieldFormat((id) => `ConsentRecord.recipient:${id}`) },
  { table: "StaffTwoFactor", column: "secret", idType: "text", format: betterAuthFormat },
  { table: "StaffTwoFactor", column: "backupCodes", idType: "text", format: betterAuthFormat },
];
