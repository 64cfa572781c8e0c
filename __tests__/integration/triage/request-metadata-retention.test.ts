import type { Client } from "pg";
import { deleteInquiryOnRequest } from "@/lib/triage/retention/delete-inquiry-on-request";
import { purgeRequestMetadata } from "@/lib/triage/retention/purge-request-metadata";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Issue 10: a public submission's address hash and User-Agent are kept for
// abuse control only: out of the append-only audit row, deleted after
// REQUEST_METADATA_RETENTION_HOURS, and at once on anonymisation.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/iop-request-metadata-mail", REQUEST_METADATA_RETENTION_HOURS: "24" } });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

async function traceOf(inquiryId: string): Promise<{ ipHash: string | null; userAgent: string | null } | undefined> {
  const { rows } = await sql.query<{ ipHash: string | null; userAgent: string | null }>(
    `SELECT "ipHash", "userAgent" FROM "SubmissionTrace" WHERE "inquiryId" = $1`,
    [inquiryId],
  );
  return rows[0];
}

it("keeps the request metadata beside the audit row, not in it, and purges it after the retention period", async () => {
  const id = await inquiryIdOf(sql, await submitTestInquiry());
  const trace = await traceOf(id);
  expect(trace?.ipHash).toMatch(/^[0-9a-f]{64}$/);
  const { rows: audit } = await sql.query(`SELECT "ipHash", "userAgent", "ipAddress" FROM "AuditEvent" WHERE "inquiryId" = $1 AND "action" = 'inquiry.created'`, [id]);
  expect(audit).toEqual([{ ipHash: null, userAgent: null, ipAddress: null }]);

  expect(await purgeRequestMetadata({ now: new Date(Date.now() + 23 * 3_600_000) })).toBe(0);
  expect(await traceOf(id)).toBeDefined();
  expect(await purgeRequestMetadata({ now: new Date(Date.now() + 25 * 3_600_000) })).toBeGreaterThanOrEqual(1);
  expect(await traceOf(id)).toBeUndefined();
  expect(await sql.query(`SELECT 1 FROM "Inquiry" WHERE "id" = $1`, [id])).toMatchObject({ rowCount: 1 });
});

it("clears it when the person's details are deleted on request", async () => {
  const admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.40" });
  const code = await submitTestInquiry();
  const id = await inquiryIdOf(sql, code);
  expect(await traceOf(id)).toBeDefined();
  await deleteInquiryOnRequest({ admin, referenceCode: code, category: "person_by_phone" });
  expect(await traceOf(id)).toBeUndefined();
});
