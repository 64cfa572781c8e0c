import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import type { StaffRole } from "@/lib/auth/staff-roles";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// Fixtures for the triage administration tests (retention, export, reports,
// settings, failed notifications, escalation). Sign-in itself is covered by
// the auth tests; here a staff member is a stored, enrolled account and the
// request facts (address, agent) the domain functions audit.
export async function createStaffMember(sql: Client, options: { role: StaffRole; name?: string; ip?: string }): Promise<TriageActor> {
  const id = randomUUID();
  const name = options.name ?? (options.role === "admin" ? "Ada Admin" : "Casey Coordinator");
  const email = `${id}@clinic.example`;
  await sql.query(
    `INSERT INTO "StaffUser" ("id", "name", "email", "emailVerified", "twoFactorEnabled", "role") VALUES ($1, $2, $3, true, true, $4)`,
    [id, name, email, options.role],
  );
  const ipAddress = options.ip ?? "198.51.100.20";
  return { user: { id, name, email, role: options.role }, request: { headers: new Headers(), ipAddress, userAgent: "jest" } };
}

let submissions = 0;

// A real submission through the public API (encrypted answers, consents,
// outbox row), each from its own address so the rate limit never interferes.
export async function submitTestInquiry(overrides: Parameters<typeof validInquiry>[0] = {}): Promise<string> {
  submissions += 1;
  const response = await postInquiry(validInquiry(overrides), { ip: `10.${Math.floor(submissions / 250) % 250}.${submissions % 250}.9` });
  if (response.status !== 201 || typeof response.json.referenceCode !== "string") throw new Error(`submission failed: ${response.status}`);
  return response.json.referenceCode;
}

export async function inquiryIdOf(sql: Client, referenceCode: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(`SELECT "id" FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode]);
  if (!rows[0]) throw new Error(`no inquiry ${referenceCode}`);
  return rows[0].id;
}

// Every Inquiry column that holds ciphertext or a keyed hash, found by name,
// so a column added later is covered without editing the tests.
export async function inquirySecretColumns(sql: Client): Promise<string[]> {
  const { rows } = await sql.query<{ column: string }>(
    `SELECT column_name AS "column" FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = 'Inquiry' AND (column_name LIKE '%Enc' OR column_name LIKE '%Hash') ORDER BY 1`,
  );
  return rows.map((row) => row.column);
}

let inserted = 0;

// An inquiry with operational facts only (no answers at all), straight into
// the table: what the reports read, and all they may read.
export async function insertOperationalInquiry(
  sql: Client,
  facts: {
    createdAt: Date;
    status?: string;
    urgent?: boolean;
    language?: string;
    source?: string | null;
    firstContactAt?: Date | null;
    closedAt?: Date | null;
  },
): Promise<string> {
  inserted += 1;
  const id = randomUUID();
  const code = `T${String(inserted).padStart(3, "0")}-TEST`.slice(0, 9);
  await sql.query(
    `INSERT INTO "Inquiry" ("id", "referenceCode", "idempotencyKey", "status", "urgency", "requesterType", "locale", "preferredLanguage",
       "preferredContactMethod", "bestTimes", "heardAbout", "createdAt", "firstContactAt", "closedAt")
     VALUES ($1, $2, $3, $4, $5, 'SELF', 'en', $6, 'PHONE', '{}', $7, $8, $9, $10)`,
    [
      id,
      code,
      id.replace(/-/g, ""),
      facts.status ?? "NEW",
      facts.urgent ? "URGENT" : "ROUTINE",
      facts.language ?? "en",
      facts.source === undefined ? "SEARCH" : facts.source,
      facts.createdAt,
      facts.firstContactAt ?? null,
      facts.closedAt ?? null,
    ],
  );
  return id;
}
