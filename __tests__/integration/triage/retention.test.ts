import type { Client } from "pg";
import { getDb } from "@/lib/db/client";
import { deleteInquiryOnRequest } from "@/lib/triage/retention/delete-inquiry-on-request";
import { purgeIfDue } from "@/lib/triage/jobs/purge-if-due";
import { purgeExpiredInquiries } from "@/lib/triage/retention/purge-expired-inquiries";
import { RetentionRefusedError } from "@/lib/triage/retention/retention-refused-error";
import { localDate } from "@/lib/triage/clock/local-date";
import { setLegalHold } from "@/lib/triage/retention/set-legal-hold";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { DeletionRequestSchema, LegalHoldRequestSchema } from "@/lib/validations/retention-request";
import { createStaffMember, inquiryIdOf, inquirySecretColumns, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Confidentiality rule 7 and issue 5's retention: inquiries closed without
// admission are irreversibly anonymised after retentionDays unless on legal
// hold, idempotently, audited; an admin can delete on request with a reason.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-retention-test-mail" } });
let sql: Client;
let admin: TriageActor;
let coordinator: TriageActor;

beforeAll(async () => {
  sql = database.sql;
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.31" });
  coordinator = await createStaffMember(sql, { role: "coordinator" });
});

async function inquiryIn(state: { status: string; closedDaysAgo: number | null; legalHold?: boolean }): Promise<{ code: string; id: string }> {
  const code = await submitTestInquiry();
  const id = await inquiryIdOf(sql, code);
  await sql.query(
    `UPDATE "Inquiry" SET "status" = $2, "closedAt" = CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END,
       "legalHold" = $4, "firstNameHash" = 'f'
     WHERE "id" = $1`,
    [id, state.status, state.closedDaysAgo, state.legalHold ?? false],
  );
  await sql.query(`INSERT INTO "ContactAttempt" ("inquiryId", "channel", "outcome") VALUES ($1, 'CALL', 'NO_ANSWER')`, [id]);
  const { rows } = await sql.query<{ id: string }>(`INSERT INTO "InquiryNote" ("inquiryId") VALUES ($1) RETURNING "id"`, [id]);
  await sql.query(`INSERT INTO "InquiryNoteVersion" ("noteId", "bodyEnc") VALUES ($1, 'v1:x'), ($1, 'v1:y')`, [rows[0]?.id]);
  return { code, id };
}

async function row(id: string): Promise<Record<string, unknown>> {
  const { rows } = await sql.query(`SELECT * FROM "Inquiry" WHERE "id" = $1`, [id]);
  return rows[0] as Record<string, unknown>;
}

async function isAnonymised(id: string): Promise<boolean> {
  const stored = await row(id);
  const secrets = await inquirySecretColumns(sql);
  const blank = secrets.every((column) => stored[column] === null);
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "InquiryNote" WHERE "inquiryId" = $1`, [id]);
  return blank && rows[0].n === 0 && stored.anonymisedAt !== null;
}

async function audit(action: string, inquiryId?: string) {
  const { rows } = await sql.query(
    `SELECT "actorType", "actorId", "inquiryId", "ipAddress", "metadata" FROM "AuditEvent" WHERE "action" = $1 AND ($2::uuid IS NULL OR "inquiryId" = $2) ORDER BY "id"`,
    [action, inquiryId ?? null],
  );
  return rows as { actorType: string; actorId: string | null; inquiryId: string | null; ipAddress: string | null; metadata: Record<string, unknown> }[];
}

describe("the retention purge", () => {
  it("anonymises only expired inquiries closed without admission and not on hold, keeping operational facts", async () => {
    const expired = await inquiryIn({ status: "UNREACHABLE", closedDaysAgo: 400 });
    const recent = await inquiryIn({ status: "WITHDREW", closedDaysAgo: 100 });
    const admitted = await inquiryIn({ status: "ADMITTED", closedDaysAgo: 800 });
    const held = await inquiryIn({ status: "NOT_A_FIT", closedDaysAgo: 800, legalHold: true });
    const open = await inquiryIn({ status: "REACHED", closedDaysAgo: null });
    const before = await row(expired.id);
    expect(await inquirySecretColumns(sql)).toEqual(expect.arrayContaining(["firstNameEnc", "phoneEnc", "emailHash", "firstNameHash", "messageEnc"]));

    const outcome = await purgeExpiredInquiries();

    expect(outcome).toMatchObject({ inquiries: 1, notes: 1, noteVersions: 2, retentionDays: 365 });
    expect(await isAnonymised(expired.id)).toBe(true);
    for (const kept of [recent, admitted, held, open]) expect(await isAnonymised(kept.id)).toBe(false);
    const after = await row(expired.id);
    for (const fact of ["referenceCode", "status", "urgency", "createdAt", "closedAt", "preferredLanguage", "heardAbout", "requesterType"]) {
      expect(after[fact]).toEqual(before[fact]);
    }
    const attempts = await sql.query(`SELECT count(*)::int AS n FROM "ContactAttempt" WHERE "inquiryId" = $1`, [expired.id]);
    expect(attempts.rows[0]).toEqual({ n: 1 });
    const { rows: versions } = await sql.query(
      `SELECT count(*)::int AS n FROM "InquiryNoteVersion" v WHERE NOT EXISTS (SELECT 1 FROM "InquiryNote" n WHERE n."id" = v."noteId")`,
    );
    expect(versions[0]).toEqual({ n: 0 });

    expect(await audit("inquiry.anonymised", expired.id)).toEqual([
      { actorType: "SYSTEM", actorId: null, inquiryId: expired.id, ipAddress: null, metadata: { cause: "retention", retentionDays: 365 } },
    ]);
    const [summary] = (await audit("retention.purge.completed")).slice(-1);
    expect(summary?.metadata).toMatchObject({ inquiries: 1, notes: 1, noteVersions: 2, retentionDays: 365 });
  });

  it("is idempotent: a second run changes nothing and says so in its audit entry", async () => {
    const anonymisedBefore = (await audit("inquiry.anonymised")).length;
    const outcome = await purgeExpiredInquiries();
    expect(outcome).toMatchObject({ inquiries: 0, notes: 0, noteVersions: 0 });
    expect(await audit("inquiry.anonymised")).toHaveLength(anonymisedBefore);
    expect((await audit("retention.purge.completed")).at(-1)?.metadata).toMatchObject({ inquiries: 0, notes: 0 });
  });

  it("follows the configured retention period", async () => {
    const closed = await inquiryIn({ status: "REFERRED_ELSEWHERE", closedDaysAgo: 40 });
    await sql.query(`UPDATE "TriageSettings" SET "retentionDays" = 30`);
    try {
      expect((await purgeExpiredInquiries()).inquiries).toBeGreaterThanOrEqual(1);
      expect(await isAnonymised(closed.id)).toBe(true);
    } finally {
      await sql.query(`UPDATE "TriageSettings" SET "retentionDays" = 365`);
    }
  });
});

describe("legal hold", () => {
  it("keeps an inquiry until the hold is lifted; both steps are audited with the reason", async () => {
    const inquiry = await inquiryIn({ status: "WITHDREW", closedDaysAgo: 500 });
    await setLegalHold({ admin, referenceCode: inquiry.code, hold: true, category: "litigation", reason: "Subpoena 2026-114" });
    await purgeExpiredInquiries();
    expect(await isAnonymised(inquiry.id)).toBe(false);
    const placed = await audit("inquiry.legal_hold.placed", inquiry.id);
    expect(placed).toEqual([
      { actorType: "STAFF", actorId: admin.user.id, inquiryId: inquiry.id, ipAddress: "198.51.100.31", metadata: { category: "litigation", noteId: expect.any(String) } },
    ]);
    // The typed reference is not in the audit trail; it is encrypted beside the record.
    expect(JSON.stringify(placed)).not.toContain("Subpoena");
    const { rows: notes } = await sql.query(`SELECT "textEnc" FROM "AdminReasonNote" WHERE "id" = $1`, [placed[0]?.metadata.noteId]);
    expect(notes[0].textEnc).toMatch(/^v1\.t1\./);

    await setLegalHold({ admin, referenceCode: inquiry.code, hold: false, category: "other", reason: "Case closed" });
    await purgeExpiredInquiries();
    expect(await isAnonymised(inquiry.id)).toBe(true);
    expect((await audit("inquiry.legal_hold.lifted", inquiry.id)).map((event) => event.metadata)).toEqual([{ category: "other", noteId: expect.any(String) }]);
    // Anonymised with the record: its notes went too.
    expect((await sql.query(`SELECT 1 FROM "AdminReasonNote" WHERE "inquiryId" = $1`, [inquiry.id])).rowCount).toBe(0);
  });

  it("cannot be placed on an anonymised inquiry, nor by a coordinator", async () => {
    const inquiry = await inquiryIn({ status: "WITHDREW", closedDaysAgo: 500 });
    await expect(setLegalHold({ admin: coordinator, referenceCode: inquiry.code, hold: true, category: "other", reason: "x" })).rejects.toBeInstanceOf(StaffNotActiveError);
    await purgeExpiredInquiries();
    await expect(setLegalHold({ admin, referenceCode: inquiry.code, hold: true, category: "other", reason: "late" })).rejects.toBeInstanceOf(RetentionRefusedError);
  });
});

describe("deletion on request", () => {
  it("anonymises at once, closes an open inquiry as Withdrew and audits the reason", async () => {
    const inquiry = await inquiryIn({ status: "REACHED", closedDaysAgo: null });
    await deleteInquiryOnRequest({ admin, referenceCode: inquiry.code, category: "person_by_phone" });
    expect(await isAnonymised(inquiry.id)).toBe(true);
    expect(await row(inquiry.id)).toMatchObject({ status: "WITHDREW", closedAt: expect.any(Date) });
    expect(await audit("inquiry.deleted_on_request", inquiry.id)).toEqual([
      {
        actorType: "STAFF",
        actorId: admin.user.id,
        inquiryId: inquiry.id,
        ipAddress: "198.51.100.31",
        metadata: { category: "person_by_phone", notes: 1, noteVersions: 2, from: "REACHED", to: "WITHDREW" },
      },
    ]);
    await expect(deleteInquiryOnRequest({ admin, referenceCode: inquiry.code, category: "other" })).rejects.toBeInstanceOf(RetentionRefusedError);
  });

  it("is refused on legal hold, for an unknown reference and for coordinators", async () => {
    const held = await inquiryIn({ status: "NEW", closedDaysAgo: null, legalHold: true });
    await expect(deleteInquiryOnRequest({ admin, referenceCode: held.code, category: "other" })).rejects.toThrow(/legal hold/);
    expect(await isAnonymised(held.id)).toBe(false);
    await expect(deleteInquiryOnRequest({ admin, referenceCode: "AAAA-AAAA", category: "other" })).rejects.toBeInstanceOf(RetentionRefusedError);
    const open = await inquiryIn({ status: "NEW", closedDaysAgo: null });
    await expect(deleteInquiryOnRequest({ admin: coordinator, referenceCode: open.code, category: "other" })).rejects.toBeInstanceOf(StaffNotActiveError);
    expect(await audit("inquiry.deleted_on_request", held.id)).toEqual([]);
  });
});

describe("the admin's requests", () => {
  it("need a reference code, a reason from the list (a hold also its reference), and for deletion an explicit confirmation", () => {
    expect(LegalHoldRequestSchema.parse({ referenceCode: " k7q3-m9td ", category: "regulator", reason: " Case 12 ", hold: "place" })).toEqual({
      referenceCode: "K7Q3-M9TD",
      category: "regulator",
      reason: "Case 12",
      hold: "place",
    });
    expect(LegalHoldRequestSchema.safeParse({ referenceCode: "K7Q3-M9TD", category: "whim", reason: "Case 12", hold: "place" }).success).toBe(false);
    expect(LegalHoldRequestSchema.safeParse({ referenceCode: "K7Q3-M9TD", reason: "", hold: "place" }).success).toBe(false);
    expect(LegalHoldRequestSchema.safeParse({ referenceCode: "not a code", reason: "Case 12", hold: "place" }).success).toBe(false);
    expect(DeletionRequestSchema.safeParse({ referenceCode: "K7Q3-M9TD", reason: "Asked by phone" }).success).toBe(false);
    expect(DeletionRequestSchema.parse({ referenceCode: "K7Q3-M9TD", category: "representative", reason: "typed text is dropped", confirm: "yes" })).toEqual({
      referenceCode: "K7Q3-M9TD",
      category: "representative",
      confirm: "yes",
    });
    expect(DeletionRequestSchema.parse({ referenceCode: "K7Q3-M9TD", confirm: "yes" }).category).toBe("other");
  });
});

describe("the daily schedule", () => {
  it("runs once per clinic day, however many instances try", async () => {
    // The tests above ran the purge today.
    expect(await purgeIfDue()).toBeNull();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const runsBefore = (await audit("retention.purge.completed")).length;
    const outcomes = await Promise.all([purgeIfDue({ now: tomorrow }), purgeIfDue({ now: tomorrow }), purgeIfDue({ now: tomorrow })]);
    expect(outcomes.filter((outcome) => outcome !== null)).toHaveLength(1);
    expect(await purgeIfDue({ now: tomorrow })).toBeNull();
    expect(await audit("retention.purge.completed")).toHaveLength(runsBefore + 1);
    expect((await getDb().jobState.findUniqueOrThrow({ where: { job: "retention.purge" } })).state).toEqual({ day: localDate(tomorrow, (await getTriageSettings()).timeZone) });
  });
});
