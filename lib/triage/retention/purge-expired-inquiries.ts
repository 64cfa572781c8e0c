import "server-only";
import { recordAuditEvent, recordSystemAuditEvents } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db/client";
import { saveJobState } from "@/lib/triage/jobs/job-state";
import { anonymiseInquiries, type AnonymisedCounts } from "@/lib/triage/retention/anonymise-inquiries";
import { localDate } from "@/lib/triage/clock/local-date";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

const BATCH_SIZE = 500;
const DAY_MS = 86_400_000;

// The exits (and confirmed duplicates, closed in place at whatever stage they
// were): an inquiry that ended in admission is a patient's record and is
// never purged here, whatever its dates say.
const CLOSED_WITHOUT_ADMISSION = ["REFERRED_ELSEWHERE", "NOT_A_FIT", "UNREACHABLE", "WITHDREW"] as const;

export type PurgeOutcome = AnonymisedCounts & { retentionDays: number; cutoff: Date; day: string };

// Confidentiality rule 7: inquiries closed without admission more than
// `retentionDays` ago, and not on legal hold, are irreversibly anonymised
// (see anonymise-inquiries.ts). Idempotent: an anonymised row never matches
// again, so a repeated or concurrent run finds nothing left to do. Batches
// commit one by one, each with an audit entry per record; a final entry holds
// the run's totals, and the job's state the clinic's date it ran for (which
// tells the daily scheduler the day's run is done).
export async function purgeExpiredInquiries(options: { now?: Date } = {}): Promise<PurgeOutcome> {
  const db = getDb();
  const { retentionDays, timeZone } = await getTriageSettings();
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const day = localDate(now, timeZone);
  const totals: AnonymisedCounts = { inquiries: 0, notes: 0, noteVersions: 0 };
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        // SKIP LOCKED: a row a coordinator is changing right now waits for
        // tomorrow's run rather than holding this one up.
        const rows = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id"::text AS "id" FROM "Inquiry"
          WHERE "anonymisedAt" IS NULL AND NOT "legalHold" AND "closedAt" < ${cutoff}
            AND ("status"::text = ANY(${[...CLOSED_WITHOUT_ADMISSION]}) OR ("duplicateState" = 'CONFIRMED' AND "status" <> 'ADMITTED'))
          ORDER BY "closedAt" LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED`;
        const inquiryIds = rows.map((row) => row.id);
        const counts = await anonymiseInquiries({ tx, inquiryIds });
        await recordSystemAuditEvents({ tx, action: "inquiry.anonymised", inquiryIds, metadata: { cause: "retention", retentionDays } });
        return counts;
      },
      { timeout: 60_000 },
    );
    totals.inquiries += batch.inquiries;
    totals.notes += batch.notes;
    totals.noteVersions += batch.noteVersions;
    if (batch.inquiries < BATCH_SIZE) break;
  }
  await db.$transaction(async (tx) => {
    await recordAuditEvent({ tx, actorType: "SYSTEM", action: "retention.purge.completed", metadata: { ...totals, retentionDays, cutoff: cutoff.toISOString(), day } });
    await saveJobState({ tx, job: "retention.purge", state: { day } });
  });
  return { ...totals, retentionDays, cutoff, day };
}
