import "server-only";
import { getPool } from "@/lib/db/client";
import { disableUnenrolledAccounts } from "@/lib/auth/disable-unenrolled-accounts";
import { hashLegacyRecoveryCodes } from "@/lib/auth/second-factor/hash-legacy-recovery-codes";
import { logger } from "@/lib/logging/logger";
import { countEscalations } from "@/lib/metrics/escalation-metrics";
import { processNewArrivals } from "@/lib/triage/jobs/process-new-arrivals";
import { purgeIfDue } from "@/lib/triage/jobs/purge-if-due";
import { ADVISORY_LOCKS, withAdvisoryLock } from "@/lib/triage/jobs/with-advisory-lock";
import { purgeRequestMetadata } from "@/lib/triage/retention/purge-request-metadata";
import { queueOverdueEscalations } from "@/lib/triage/escalation/queue-overdue-escalations";

const TICK_MS = 60_000;

export type TriageJobs = { stop(): Promise<void> };

// The triage's timed work, next to the outbox worker: every minute, flag and
// (round-robin) assign new arrivals and escalate urgent inquiries past their
// target, and delete request metadata past its retention; once a day, the
// retention purge. Every
// instance runs the tick; advisory locks and the day's audit entry make the
// work happen once. A tick never overlaps the previous one.
export function runTriageJobs(options: { tickMs?: number } = {}): TriageJobs {
  let running: Promise<void> | null = null;
  const tick = async () => {
    try {
      const arrivals = await withAdvisoryLock({ pool: getPool(), key: ADVISORY_LOCKS.arrivals, work: () => processNewArrivals() });
      if (arrivals.ran && arrivals.value.processed > 0) logger.info(arrivals.value, "new arrivals triaged");
      const escalations = await withAdvisoryLock({ pool: getPool(), key: ADVISORY_LOCKS.escalation, work: () => queueOverdueEscalations() });
      if (escalations.ran && escalations.value.queued > 0) logger.info(escalations.value, "escalations queued");
      if (escalations.ran) countEscalations(escalations.value);
      const traces = await purgeRequestMetadata();
      if (traces > 0) logger.info({ purged: traces }, "request metadata purged");
      const rehashed = await hashLegacyRecoveryCodes();
      if (rehashed > 0) logger.info({ accounts: rehashed }, "stored recovery codes hashed");
      const disabled = await disableUnenrolledAccounts();
      if (disabled > 0) logger.info({ accounts: disabled }, "accounts without a second factor disabled");
      const purged = await purgeIfDue();
      if (purged) logger.info({ anonymised: purged.inquiries, notes: purged.notes }, "retention purge completed");
    } catch (err) {
      logger.error({ err }, "triage jobs tick failed; will retry");
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, options.tickMs ?? TICK_MS);
  // Never the reason a process stays alive; an interrupted purge batch or
  // escalation rolls back and is picked up by the next tick anywhere.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
