import { decryptField } from "@/lib/crypto/field-encryption";
import { parseKeyring } from "@/lib/crypto/keyring-format";
import { withClient } from "./database-server";

const ENCRYPTED = ["firstName", "phone", "email", "message", "referrerName", "referrerRelationship", "personAware"] as const;

export type DecryptedInquiry = {
  id: string;
  plain: Record<(typeof ENCRYPTED)[number], string | null>;
  columns: Record<string, unknown>;
  consents: Record<string, { granted: boolean; consentTextVersion: string }>;
};

/**
 * One stored inquiry as PostgreSQL holds it, its ciphertext columns decrypted
 * here with the scenario's key (context "Inquiry.<field>:<id>", as the app
 * binds it), with its consent records. Undefined if no row has that code.
 */
export async function decryptStoredInquiry(options: { databaseUrl: string; encryptionKey: string; referenceCode: string }): Promise<DecryptedInquiry | undefined> {
  const keyring = parseKeyring(options.encryptionKey, "");
  return withClient(options.databaseUrl, async (client) => {
    const found = await client.query<Record<string, unknown> & { id: string }>(`SELECT * FROM "Inquiry" WHERE "referenceCode" = $1`, [options.referenceCode]);
    const row = found.rows[0];
    if (!row) return undefined;
    const plain = Object.fromEntries(
      ENCRYPTED.map((field) => {
        const ciphertext = row[`${field}Enc`];
        return [field, typeof ciphertext === "string" ? decryptField({ keyring, ciphertext, context: `Inquiry.${field}:${row.id}` }) : null];
      }),
    ) as DecryptedInquiry["plain"];
    const consentRows = await client.query<{ subject: string; granted: boolean; consentTextVersion: string }>(
      `SELECT "subject"::text AS "subject", "granted", "consentTextVersion" FROM "ConsentRecord" WHERE "inquiryId" = $1`,
      [row.id],
    );
    const consents = Object.fromEntries(consentRows.rows.map(({ subject, granted, consentTextVersion }) => [subject, { granted, consentTextVersion }]));
    return { id: row.id, plain, columns: row, consents };
  });
}
