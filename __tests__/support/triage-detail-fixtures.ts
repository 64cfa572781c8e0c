import { randomUUID } from "node:crypto";
import type { StaffRole } from "@/lib/auth/staff-roles";
import { getDb } from "@/lib/db/client";
import { submitInquiry } from "@/lib/inquiries/submit-inquiry";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { InquiryInput } from "@/lib/validations/inquiry";
import { freshFormToken } from "@/__tests__/support/inquiry-api";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// Staff rows written directly (signing in through TOTP is covered by the auth
// tests; triage needs only the account facts the domain checks), and
// inquiries submitted through the real public submission path.
export async function addStaffMember(
  options: { name?: string; role?: StaffRole; languages?: string[]; banned?: boolean; enrolled?: boolean; ipAddress?: string } = {},
): Promise<TriageActor> {
  const id = randomUUID();
  const name = options.name ?? `Coordinator ${id.slice(0, 4)}`;
  const role = options.role ?? "coordinator";
  const email = `${id}@clinic.example`;
  await getDb().staffUser.create({
    data: { id, name, email, role, banned: options.banned ?? false, twoFactorEnabled: options.enrolled ?? true, emailVerified: true },
  });
  if (options.languages) await getDb().staffProfile.create({ data: { userId: id, languages: options.languages } });
  const ipAddress = options.ipAddress ?? "198.51.100.20";
  return { user: { id, name, email, role }, request: { headers: new Headers(), ipAddress, userAgent: "jest" } };
}

let submissions = 0;

export async function submitTestInquiry(overrides: Partial<InquiryInput> = {}): Promise<{ id: string; referenceCode: string }> {
  submissions += 1;
  const result = await submitInquiry({
    answers: validInquiry(overrides),
    envelope: { formToken: freshFormToken(), honeypot: "" },
    // A new network (/24) each time: the per-network threshold is not under test.
    request: { ip: `10.${Math.floor(submissions / 250) % 250}.${submissions % 250}.7`, userAgent: "jest", locale: "en" },
  });
  if (!result.ok) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  const row = await getDb().inquiry.findUniqueOrThrow({ where: { referenceCode: result.referenceCode }, select: { id: true } });
  return { id: row.id, referenceCode: result.referenceCode };
}

export async function auditActions(inquiryId: string): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({ where: { inquiryId }, orderBy: { id: "asc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

export async function triageFacts(inquiryId: string) {
  return getDb().inquiry.findUniqueOrThrow({
    where: { id: inquiryId },
    select: {
      status: true,
      stageChangedAt: true,
      closedAt: true,
      exitReasonId: true,
      firstContactAt: true,
      lastAttemptAt: true,
      unsuccessfulAttempts: true,
      nextFollowUpAt: true,
      assigneeId: true,
      assignedAt: true,
      duplicateState: true,
      possibleDuplicateOfId: true,
    },
  });
}

export async function exitReasonFor(stage: "REFERRED_ELSEWHERE" | "NOT_A_FIT" | "UNREACHABLE" | "WITHDREW"): Promise<string> {
  const reason = await getDb().exitReason.findFirstOrThrow({ where: { stage, active: true }, orderBy: { position: "asc" }, select: { id: true } });
  return reason.id;
}
