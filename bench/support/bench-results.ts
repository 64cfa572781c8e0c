import type { InboxBenchFigures } from "../inbox-bench";
import type { HomePageCheck } from "./check-home-page";
import type { RateLimitFigures } from "./check-rate-limits";
import type { BuildOutcome } from "@/__tests__/kit/production-build";
import type { LoadFigures } from "./load-figures";
import type { FirstLoadJs } from "./measure-first-load-js";
import type { FrameworkFloor } from "./measure-framework-floor";
import type { NotificationFigures } from "./measure-notification-latency";
import type { WebVitals } from "./measure-web-vitals";
import type { MemoryFigures } from "./process-memory";
import type { QueryProfile } from "./profile-queries";
import type { SequentialFigures } from "./run-sequential";
import type { SubmissionProfile } from "./run-submission-profile";
import type { CpuProfileSummary } from "./summarise-cpu-profile";
import type { StoredInquiries } from "./verify-stored-inquiries";
import type { OutboxDrain } from "./wait-for-outbox-drain";

/** A phase that could not be measured says why instead of sinking the whole run. */
export type Outcome<T> = T | { error: string };

export function failed<T>(outcome: Outcome<T> | undefined): outcome is { error: string } | undefined {
  return outcome === undefined || (typeof outcome === "object" && outcome !== null && "error" in outcome);
}

/** Everything a run measured; written to bench/results/latest.json and turned into the table. */
export type BenchResults = {
  build?: BuildOutcome;
  database?: { embedded: boolean; statementStats: boolean };
  warmup?: LoadFigures;
  /** Submitted one at a time: the latency with the server otherwise idle. */
  notificationsIdle?: Outcome<NotificationFigures>;
  notifications?: Outcome<NotificationFigures>;
  app: { closedLoop: LoadFigures[]; fixedRate?: LoadFigures; sequential?: SequentialFigures };
  baseline: { closedLoop: LoadFigures[]; fixedRate?: LoadFigures; sequential?: SequentialFigures; error?: string };
  stored?: Outcome<StoredInquiries>;
  outbox?: Outcome<OutboxDrain>;
  memory?: MemoryFigures;
  /** The submission route answering 400 before any work of ours: Next.js's share of a request. */
  frameworkFloor?: Outcome<FrameworkFloor>;
  queryProfile?: Outcome<QueryProfile>;
  submissionProfile?: Outcome<SubmissionProfile>;
  /** Only with BENCH_CPU_PROFILE=1. */
  cpuProfile?: Outcome<CpuProfileSummary>;
  rateLimits?: Outcome<RateLimitFigures>;
  /** GET / on an app started with --hostname 127.0.0.1. */
  homePageOn127?: Outcome<HomePageCheck>;
  firstLoadJs?: Outcome<FirstLoadJs[]>;
  webVitals?: Outcome<WebVitals[]>;
  /** The inbox's queries over a seeded table of its own (bench/inbox-bench.ts). */
  inbox?: Outcome<InboxBenchFigures>;
};
