import { randomBytes, randomUUID } from "node:crypto";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb, getPool } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { storeInquiry } from "@/lib/inquiries/store-inquiry";
import { InquirySchema, type InquiryInput } from "@/lib/validations/inquiry";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// Rows for the inbox's tests: staff written straight to the table (the inbox
// only needs their id and name), inquiries either through the real submission
// path (when the lookup hashes matter) or directly with chosen triage facts.

export async function addCoordinator(name: string): Promise<StaffContext> {
  const id = randomUUID();
  const email = `${id}@clinic.example`;
  await getDb().staffUser.create({ data: { id, name, email, role: "coordinator", twoFactorEnabled: true } });
  const now = new Date();
  return {
    user: { id, email, name, role: "coordinator" },
    session: { id: randomUUID(), createdAt: now, lastActiveAt: now, idleExpiresAt: new Date(now.getTime() + 900_000) },
    request: { headers: new Headers(), ipAddress: "198.51.100.23", userAgent: "jest" },
  };
}

export async function submitInquiry(overrides: Partial<InquiryInput> = {}): Promise<{ id: string; referenceCode: string }> {
  const outcome = await storeInquiry({
    pool: getPool(),
    db: getDb(),
    inquiry: InquirySchema.parse(validInquiry(overrides)),
    idempotencyKey: randomBytes(16).toString("hex"),
    locale: "en",
    request: { ipHash: "a".repeat(64), userAgent: "jest" },
    limits: { ip: { key: "submit:ip:inbox", max: 1e9, windowSeconds: 60 }, global: { key: "submit:global", max: 1e9, windowSeconds: 60 } },
    formToken: { nonce: randomBytes(16).toString("base64url"), expiresAt: new Date(Date.now() + 86_400_000) },
    solvedChallenge: null,
  });
  if (outcome.kind !== "created") throw new Error(`expected a new inquiry, got ${outcome.kind}`);
  return { id: outcome.id, referenceCode: outcome.referenceCode };
}

let sequence = 0;

// An inquiry with the given triage facts; reference codes count up so tests
// can name rows. Codes use a 0, which real codes never contain.
export async function insertInquiry(facts: Partial<Prisma.InquiryUncheckedCreateInput> = {}): Promise<{ id: string; referenceCode: string }> {
  sequence += 1;
  const referenceCode = `T${String(sequence).padStart(3, "0")}-0000`;
  const row = await getDb().inquiry.create({
    data: {
      id: randomUUID(),
      referenceCode,
      idempotencyKey: randomBytes(16).toString("hex"),
      requesterType: "SELF",
      locale: "en",
      preferredLanguage: "en",
      preferredContactMethod: "PHONE",
      ...facts,
    },
    select: { id: true, referenceCode: true },
  });
  return row;
}

export async function deleteAllInquiries(): Promise<void> {
  await getDb().inquiry.deleteMany({});
}
