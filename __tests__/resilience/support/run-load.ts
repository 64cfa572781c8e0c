import { submitUntilAccepted, type SubmissionRecord, type SubmissionTarget } from "./submission-client";
import type { UniqueInquiry } from "./unique-inquiry";

export type LoadProgress = { started: number; settled: number; accepted: number; finishedAt?: number };

export type LoadRun = {
  readonly progress: LoadProgress;
  /** Every submission's record, in index order, once all have settled. */
  readonly done: Promise<SubmissionRecord[]>;
};

/**
 * `count` submissions from `concurrency` clients at once, each client taking
 * the next index as soon as its previous submission settles. Node's fetch
 * keeps connections alive, so the clients reuse a small pool of sockets the
 * way a real integration would. The caller watches `progress` to inject a
 * failure mid-run.
 */
export function runLoad(options: {
  count: number;
  concurrency: number;
  inquiry: (index: number) => UniqueInquiry;
  target: (index: number) => SubmissionTarget;
  /** Awaited before submission `index` starts: lets a scenario hold part of the load back until an event. */
  gate?: (index: number) => Promise<void>;
}): LoadRun {
  const progress: LoadProgress = { started: 0, settled: 0, accepted: 0 };
  const records: SubmissionRecord[] = new Array<SubmissionRecord>(options.count);
  let next = 0;
  const client = async () => {
    while (next < options.count) {
      const index = next;
      next += 1;
      if (options.gate) await options.gate(index);
      progress.started += 1;
      const { phoneE164, answers } = options.inquiry(index);
      const record = await submitUntilAccepted({ index, phoneE164, answers, target: options.target(index) });
      records[index] = record;
      progress.settled += 1;
      if (record.referenceCode) progress.accepted += 1;
    }
  };
  const clients = Array.from({ length: Math.min(options.concurrency, options.count) }, () => client());
  return {
    progress,
    done: Promise.all(clients).then(() => {
      progress.finishedAt = Date.now();
      return records;
    }),
  };
}
