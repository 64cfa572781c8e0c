import { randomInt } from "node:crypto";
import { expect } from "@playwright/test";
import { e2eSettings } from "../settings";
import { withStaffDb } from "./staff-database";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

export type TestInquiry = {
  id: string;
  referenceCode: string;
  /** What the record says about the person: must never reach anyone the record is not for. */
  personalValues: string[];
};

const letters = (count: number) => Array.from({ length: count }, () => "bcdfghjkmnpqrstvwxz"[randomInt(19)]).join("");

/** An inquiry sent the way integrations send one: a form token, then the answers, through the public API. */
export async function submitTestInquiry(): Promise<TestInquiry> {
  const baseUrl = e2eSettings().baseUrl;
  const headers = { Origin: new URL(baseUrl).origin, "Content-Type": "application/json" };
  const issued = await fetch(`${baseUrl}/api/v1/form-tokens`, { method: "POST", headers });
  expect(issued.status, "form token").toBe(201);
  const { formToken, minFillSeconds } = (await issued.json()) as { formToken: string; minFillSeconds: number };
  await new Promise((resolve) => setTimeout(resolve, minFillSeconds * 1000 + 200));
  const tag = letters(6);
  const answers = validInquiry({
    firstName: `Ysolde${tag}`,
    referrerName: `Halvard Brightwater${tag}`,
    email: `ysolde.${tag}@example.net`,
    message: `Matrix record ${tag}: nobody but staff may read this.`,
  });
  const submitted = await fetch(`${baseUrl}/api/v1/inquiries`, { method: "POST", headers, body: JSON.stringify({ formToken, inquiry: answers }) });
  expect(submitted.status, "inquiry submitted through the API").toBe(201);
  const { referenceCode } = (await submitted.json()) as { referenceCode: string };
  const id = await withStaffDb(async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode])).rows[0]?.id);
  if (!id) throw new Error(`inquiry ${referenceCode} not stored`);
  return { id, referenceCode, personalValues: [answers.firstName, answers.referrerName ?? "", answers.email ?? "", `Matrix record ${tag}`] };
}

/**
 * A notification the outbox gave up on, for the admin's "send again" action.
 * The SMTP server in the suite never fails, so once the inquiry's
 * notification has been sent the row is marked FAILED in SQL (what the
 * worker writes after its last attempt). Returns the notification's id.
 */
export async function failedNotification(): Promise<string> {
  const { referenceCode } = await submitTestInquiry();
  return withStaffDb(async (client) => {
    const sent = async () =>
      (
        await client.query<{ id: string }>(
          `SELECT n.id FROM "Notification" n JOIN "Inquiry" i ON i.id = n."inquiryId" WHERE i."referenceCode" = $1 AND n.status = 'SENT'`,
          [referenceCode],
        )
      ).rows[0]?.id;
    await expect.poll(sent, { message: `notification about ${referenceCode} sent`, timeout: 15_000 }).toBeDefined();
    const id = await sent();
    if (!id) throw new Error("unreachable");
    await client.query(`UPDATE "Notification" SET status = 'FAILED', attempts = 10, "lastError" = 'e2e: marked failed', "sentAt" = NULL WHERE id = $1`, [id]);
    return id;
  });
}

export async function notificationStatus(id: string): Promise<string | undefined> {
  return withStaffDb(async (client) => (await client.query<{ status: string }>(`SELECT status FROM "Notification" WHERE id = $1`, [id])).rows[0]?.status);
}

/**
 * Everything a staff command could change, as one digest: the inquiry's row,
 * attempts, notes and audit entries, the workspace settings, the pipeline,
 * exit reasons, referral sources, staff profiles, accounts and invitations.
 * (Not sessions, notifications or staff.* audit rows, which refusals and the
 * background worker legitimately write.)
 */
export async function stateDigest(inquiryId: string): Promise<string> {
  return withStaffDb(async (client) => {
    const rows = (table: string, where = "") => `(SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM "${table}" t ${where})`;
    const { rows: result } = await client.query<{ digest: string }>(
      `SELECT md5(concat_ws('#',
         ${rows("Inquiry", `WHERE t.id = $1`)},
         ${rows("ContactAttempt", `WHERE t."inquiryId" = $1`)},
         ${rows("InquiryNote", `WHERE t."inquiryId" = $1`)},
         (SELECT count(*) FROM "InquiryNoteVersion" v JOIN "InquiryNote" n ON n.id = v."noteId" WHERE n."inquiryId" = $1),
         (SELECT count(*) FROM "AuditEvent" WHERE "inquiryId" = $1 OR action IN ('inquiry.searched', 'inquiry.exported')),
         ${rows("TriageSettings")}, ${rows("PipelineStage")}, ${rows("ExitReason")}, ${rows("ReferralSource")}, ${rows("ClosureDay")}, ${rows("ClinicDetails")},
         ${rows("StaffProfile")}, ${rows("StaffInvitation")}, ${rows("StaffAccessLink")},
         ${rows("ConsentRecord", `WHERE t."inquiryId" = $1`)},
         ${rows("InquiryCoverage", `WHERE t."inquiryId" = $1`)}, ${rows("InquiryVerification", `WHERE t."inquiryId" = $1`)}, ${rows("Payer")},
         -- What admins set, not the delivery bookkeeping the outbox worker keeps updating.
         (SELECT string_agg(concat_ws(',', id, name, "urlOrigin", format, events, "secretEnc"), '|' ORDER BY id) FROM "WebhookEndpoint"),
         (SELECT string_agg(coalesce(password, ''), '|' ORDER BY id) FROM "StaffAccount"),
         (SELECT string_agg(concat_ws(',', id, role, banned, "twoFactorEnabled", name, email), '|' ORDER BY id) FROM "StaffUser")
       )) AS digest`,
      [inquiryId],
    );
    return result[0]?.digest ?? "";
  });
}
