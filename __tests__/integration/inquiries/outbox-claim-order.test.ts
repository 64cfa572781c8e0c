import type { Client } from "pg";
import { getPool } from "@/lib/db/client";
import { claimDueNotifications } from "@/lib/notifications/claim-due-notifications";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

const database = provideTestDatabaseClient({ environment: { RATE_LIMIT_IP_MAX: "1000" } });
let sql: Client;

beforeAll(() => {
  sql = database.sql;
});

// Stores an inquiry (no worker runs in this file) and backdates its
// notification, so the test decides which is the oldest due.
async function backlogged(options: { urgent: boolean; minutesAgo: number; index: number }): Promise<string> {
  const response = await postInquiry(validInquiry({ inCrisis: options.urgent, phone: `212-555-07${String(options.index).padStart(2, "0")}` }));
  const code = String(response.json.referenceCode);
  await sql.query(
    `UPDATE "Notification" SET "nextAttemptAt" = now() - make_interval(mins => $2)
     WHERE "inquiryId" = (SELECT id FROM "Inquiry" WHERE "referenceCode" = $1)`,
    [code, options.minutesAgo],
  );
  return code;
}

it("claims urgent notifications before older routine ones, then the oldest due first", async () => {
  const routineOldest = await backlogged({ urgent: false, minutesAgo: 30, index: 1 });
  const routineMiddle = await backlogged({ urgent: false, minutesAgo: 20, index: 2 });
  const urgentNewest = await backlogged({ urgent: true, minutesAgo: 1, index: 3 });
  const urgentOlder = await backlogged({ urgent: true, minutesAgo: 5, index: 4 });
  // A lease that expired counts as due too; it is routine and the oldest of all.
  const routineLeaseExpired = await backlogged({ urgent: false, minutesAgo: 60, index: 5 });
  await sql.query(
    `UPDATE "Notification" SET status = 'SENDING', attempts = 1, "leaseExpiresAt" = now() - interval '1 second'
     WHERE "inquiryId" = (SELECT id FROM "Inquiry" WHERE "referenceCode" = $1)`,
    [routineLeaseExpired],
  );

  const order: string[] = [];
  for (;;) {
    const claimed = await claimDueNotifications({ pool: getPool(), limit: 2, leaseSeconds: 60 });
    if (claimed.length === 0) break;
    order.push(...claimed.map((n) => n.referenceCode));
  }
  expect(order).toEqual([urgentOlder, urgentNewest, routineLeaseExpired, routineOldest, routineMiddle]);
});
