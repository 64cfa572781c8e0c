import { randomBytes, randomUUID } from "node:crypto";
import type { Client } from "pg";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import { parseKeyring, type Keyring } from "@/lib/crypto/keyring-format";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";

export const ANSWERS = ["firstName", "phone", "email", "message", "referrerName", "referrerRelationship", "personAware"] as const;

export function newKeySpec(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export function keyringOf(active: string, ...previous: string[]): Keyring {
  return parseKeyring(active, previous.join(","));
}

export type SealedInquiry = { id: string; answers: Record<(typeof ANSWERS)[number], string>; noteVersionId: string; note: string };

// Inquiries written straight into the tables, sealed as the app seals them
// (same AAD contexts, same lookup hashes), under whichever keys a test gives.
export async function writeSealedInquiries(sql: Client, options: { keyring: Keyring; lookupKey: Buffer; count: number }): Promise<SealedInquiry[]> {
  const written: SealedInquiry[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = randomUUID();
    const answers = {
      firstName: `Zoë ${i}`,
      phone: `+1555000${String(i).padStart(4, "0")}`,
      email: `person${i}@example.org`,
      message: `message number ${i}`,
      referrerName: `referrer ${i}`,
      referrerRelationship: "friend",
      personAware: "yes",
    };
    const seal = (answer: (typeof ANSWERS)[number]) => encryptField({ keyring: options.keyring, plaintext: answers[answer], context: `Inquiry.${answer}:${id}` });
    const hash = (kind: "phone" | "email" | "name", value: string) => hashForLookup({ key: options.lookupKey, kind, value });
    await sql.query(
      `INSERT INTO "Inquiry" ("id", "referenceCode", "idempotencyKey", "requesterType", "locale", "preferredLanguage", "preferredContactMethod",
         "firstNameEnc", "phoneEnc", "emailEnc", "messageEnc", "referrerNameEnc", "referrerRelationshipEnc", "personAwareEnc", "phoneHash", "emailHash", "firstNameHash")
       VALUES ($1, $2, $3, 'SELF', 'en', 'en', 'PHONE', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        randomBytes(4).toString("hex").toUpperCase().slice(0, 9),
        randomBytes(16).toString("hex"),
        ...ANSWERS.map(seal),
        hash("phone", answers.phone),
        hash("email", answers.email),
        hash("name", normaliseName(answers.firstName)),
      ],
    );
    const note = await sql.query<{ id: string }>(`INSERT INTO "InquiryNote" ("inquiryId") VALUES ($1) RETURNING "id"`, [id]);
    const noteVersionId = randomUUID();
    const text = `note about ${i}`;
    await sql.query(`INSERT INTO "InquiryNoteVersion" ("id", "noteId", "bodyEnc") VALUES ($1, $2, $3)`, [
      noteVersionId,
      note.rows[0]?.id,
      encryptField({ keyring: options.keyring, plaintext: text, context: `InquiryNoteVersion.body:${noteVersionId}` }),
    ]);
    written.push({ id, answers, noteVersionId, note: text });
  }
  return written;
}

// Every sealed value of the given inquiries opened with `keyring` (throws if any fails).
export async function openAll(sql: Client, keyring: Keyring, inquiries: SealedInquiry[]): Promise<void> {
  for (const inquiry of inquiries) {
    const { rows } = await sql.query<Record<string, string>>(`SELECT * FROM "Inquiry" WHERE "id" = $1`, [inquiry.id]);
    const row = rows[0] ?? {};
    for (const answer of ANSWERS) {
      const value = decryptField({ keyring, ciphertext: row[`${answer}Enc`] ?? "", context: `Inquiry.${answer}:${inquiry.id}` });
      if (value !== inquiry.answers[answer]) throw new Error(`${answer} of ${inquiry.id} decrypted to something else`);
    }
    const note = await sql.query<{ bodyEnc: string }>(`SELECT "bodyEnc" FROM "InquiryNoteVersion" WHERE "id" = $1`, [inquiry.noteVersionId]);
    const body = decryptField({ keyring, ciphertext: note.rows[0]?.bodyEnc ?? "", context: `InquiryNoteVersion.body:${inquiry.noteVersionId}` });
    if (body !== inquiry.note) throw new Error(`note ${inquiry.noteVersionId} decrypted to something else`);
  }
}
