import "server-only";
import { getPool } from "@/lib/db/client";
import { readJobState } from "@/lib/triage/jobs/job-state";
import { ADVISORY_LOCKS, withAdvisoryLock } from "@/lib/triage/jobs/with-advisory-lock";
import { localDate } from "@/lib/triage/clock/local-date";
import { purgeExpiredInquiries, type PurgeOutcome } from "@/lib/triage/retention/purge-expired-inquiries";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";

// Once per calendar day in the clinic's time zone, across every instance: the
// lock keeps two processes from purging at once, and the job's state (the
// day of the last completed run) tells the others it is done.
export async function purgeIfDue(options: { now?: Date } = {}): Promise<PurgeOutcome | null> {
  const outcome = await withAdvisoryLock({
    pool: getPool(),
    key: ADVISORY_LOCKS.retentionPurge,
    work: async () => {
      const now = options.now ?? new Date();
      const { timeZone } = await getTriageSettings();
      const last = await readJobState("retention.purge");
      const done = typeof last === "object" && last !== null && !Array.isArray(last) && last.day === localDate(now, timeZone);
      return done ? null : purgeExpiredInquiries({ now });
    },
  });
  return outcome.ran ? outcome.value : null;
}
