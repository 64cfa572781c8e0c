import type { Client } from "pg";
import { exportInquiries, ExportRefusedError } from "@/lib/triage/export/export-inquiries";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { InquiryExportSchema } from "@/lib/validations/inquiry-export";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { PERSONAL_VALUES } from "@/__tests__/support/valid-inquiry";

// Issue 5's export: admins only, a reason, only the chosen columns (from an
// allow-list with nothing encrypted in it), one audit event, and cells a
// spreadsheet cannot run as formulas.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-export-test-mail" } });
let sql: Client;
let admin: TriageActor;
let assignee: TriageActor;
const seeded: Record<string, string> = {};

beforeAll(async () => {
  sql = database.sql;
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.55" });
  assignee = await createStaffMember(sql, { role: "coordinator", name: '=HYPERLINK("http://evil.example","x")' });
  await sql.query(`UPDATE "PipelineStage" SET "label" = '@Reached (called)' WHERE "stage" = 'REACHED'`);
  // Urgent ones, in stages the filter below selects or not; one routine.
  for (const [key, status, urgent, received] of [
    ["a", "REACHED", true, "2026-11-02T15:00:00Z"],
    ["b", "NEW", true, "2026-11-03T15:00:00Z"],
    ["c", "NEW", false, "2026-11-04T15:00:00Z"],
    ["d", "ADMITTED", true, "2026-10-01T15:00:00Z"],
  ] as const) {
    const code = await submitTestInquiry({ inCrisis: urgent });
    seeded[key] = code;
    await sql.query(`UPDATE "Inquiry" SET "status" = $2, "createdAt" = $3, "assigneeId" = $4 WHERE "id" = $1`, [
      await inquiryIdOf(sql, code),
      status,
      received,
      key === "a" ? assignee.user.id : null,
    ]);
  }
});

function parseCsv(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return csv
    .slice(1)
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"|(?<=^|,)(?=,|$)/g)].map((match) => (match[1] ?? "").replace(/""/g, '"')));
}

function request(input: { columns: string[]; category?: string; filter?: Record<string, string> }) {
  return InquiryExportSchema.parse({ category: input.category ?? "quality_report", columns: input.columns, filter: input.filter ?? {} });
}

it("contains only the chosen columns for the filtered list, in the inbox's order, with formula-looking text neutralised", async () => {
  const result = await exportInquiries({
    admin,
    request: request({ columns: ["assignee", "referenceCode", "stage"], filter: { stage: "all", urgency: "URGENT", from: "2026-11-01", to: "2026-11-30" } }),
  });
  expect(result.count).toBe(2);
  expect(result.filename).toMatch(/^inquiries-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(parseCsv(result.csv)).toEqual([
    ["Reference", "Stage", "Assigned to"],
    [seeded.b, "New", ""],
    [seeded.a, "'@Reached (called)", `'=HYPERLINK("http://evil.example","x")`],
  ]);
  const text = result.csv.toLowerCase();
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value.toLowerCase());
});

it("writes one audit event with the reason, the filter, the columns and the count", async () => {
  const before = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'inquiry.exported'`);
  await exportInquiries({ admin, request: request({ columns: ["referenceCode", "urgency"], filter: { stage: "NEW" }, category: "compliance_audit" }) });
  const { rows } = await sql.query(`SELECT "actorType", "actorId", "inquiryId", "ipAddress", "metadata" FROM "AuditEvent" WHERE "action" = 'inquiry.exported' ORDER BY "id"`);
  expect(rows).toHaveLength(before.rows[0].n + 1);
  expect(rows.at(-1)).toEqual({
    actorType: "STAFF",
    actorId: admin.user.id,
    inquiryId: null,
    ipAddress: "198.51.100.55",
    metadata: { category: "compliance_audit", filter: { stage: "NEW" }, columns: ["referenceCode", "urgency"], count: 2 },
  });
});

it("refuses without a reason or columns, with columns outside the allow-list, and for coordinators", async () => {
  expect(InquiryExportSchema.safeParse({ category: "Audit by the state, ref 2026-7", columns: ["referenceCode"], filter: {} }).success).toBe(false);
  expect(InquiryExportSchema.safeParse({ category: "funder_report", columns: [], filter: {} }).success).toBe(false);
  for (const column of ["firstNameEnc", "firstName", "phone", "email", "message", "requesterType", "phoneHash"]) {
    expect(InquiryExportSchema.safeParse({ category: "funder_report", columns: [column], filter: {} }).success).toBe(false);
  }
  const coordinator = await createStaffMember(sql, { role: "coordinator" });
  await expect(exportInquiries({ admin: coordinator, request: request({ columns: ["referenceCode"] }) })).rejects.toBeInstanceOf(StaffNotActiveError);
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'inquiry.exported' AND "actorId" = $1`, [coordinator.user.id]);
  expect(rows[0]).toEqual({ n: 0 });
});

it("exports every allowed column without decrypting anything", async () => {
  const every = request({ columns: ["referenceCode", "receivedAt", "stage", "exitReason", "urgency", "preferredLanguage", "preferredContactMethod", "referralSource", "assignee", "firstContactAt", "unsuccessfulAttempts", "closedAt", "legalHold"], filter: { stage: "all" } });
  const result = await exportInquiries({ admin, request: every });
  const [header, ...rows] = parseCsv(result.csv);
  expect(header).toHaveLength(13);
  const d = rows.find((row) => row[0] === seeded.d);
  expect(d).toEqual([seeded.d, "2026-10-01T15:00:00.000Z", "Admitted", "", "Urgent", "Spanish", "phone", "Friend or family", "", "", "0", "", "no"]);
});

it("refuses a list longer than the limit rather than cutting it short, and audits nothing", async () => {
  const before = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'inquiry.exported'`);
  await expect(exportInquiries({ admin, request: request({ columns: ["referenceCode"], filter: { stage: "all" } }), maxRows: 3 })).rejects.toThrow(ExportRefusedError);
  const after = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'inquiry.exported'`);
  expect(after.rows[0].n).toBe(before.rows[0].n);
});
