import { attempt } from "./attempt";
import { BENCH_CONFIG } from "./bench-config";
import type { BenchResults } from "./bench-results";
import { freshTokens } from "./form-tokens";
import type { LoadFigures } from "./load-figures";
import { measureFirstLoadJs } from "./measure-first-load-js";
import { measureFrameworkFloor } from "./measure-framework-floor";
import { measureNotificationLatency } from "./measure-notification-latency";
import { measureServerCost } from "./measure-server-cost";
import { measureWebVitals } from "./measure-web-vitals";
import { sampleProcessMemory } from "./process-memory";
import { profileQueries } from "./profile-queries";
import { runClosedLoop } from "./run-closed-loop";
import { runFixedRate } from "./run-fixed-rate";
import type { SmtpRecorder } from "./smtp-recorder";
import type { NextServer } from "./start-next-server";
import { verifyStoredInquiries } from "./verify-stored-inquiries";
import { waitForOutboxDrain } from "./wait-for-outbox-drain";

type Context = {
  app: NextServer;
  databaseUrl: string;
  databaseName: string;
  statementStats: boolean;
  smtp: SmtpRecorder;
  appSecret: string;
  log: (message: string) => void;
};

/**
 * Everything measured against the app under the bench configuration, in this
 * order: warm-up, then a wait until the outbox it filled is drained;
 * notification latency (on an empty outbox, so it measures latency, not the
 * drain of a backlog); closed-loop and fixed-rate load; the SQL check of what
 * was stored; the outbox drain; the per-submission query profile; the public
 * pages. Memory is sampled throughout.
 */
export async function runAppPhases(context: Context, results: BenchResults): Promise<void> {
  const { app, log } = context;
  const c = BENCH_CONFIG;
  const memory = sampleProcessMemory({ groupId: app.pid, intervalMs: 200 });
  try {
    const nextToken = freshTokens(context.appSecret);
    const phases: LoadFigures[] = [];

    log(`warm-up: ${c.warmupSeconds} s at 10 connections`);
    results.warmup = await runClosedLoop({ label: "warm-up", target: "app", url: app.url, connections: 10, seconds: c.warmupSeconds, nextToken });
    phases.push(results.warmup);
    // The warm-up leaves a backlog of staff emails when intake outpaces the
    // outbox; latency is measured from an empty outbox, not through that drain.
    await waitForOutboxDrain({ databaseUrl: context.databaseUrl, smtp: context.smtp, timeoutSeconds: c.outboxDrainTimeoutSeconds });

    log(`notification latency: ${c.notifications.idleCount} submissions one at a time, then ${c.notifications.count}, ${c.notifications.concurrency} at a time`);
    results.notificationsIdle = await attempt("notification latency (one at a time)", log, () =>
      measureNotificationLatency({ url: app.url, count: c.notifications.idleCount, concurrency: 1, timeoutSeconds: c.notifications.timeoutSeconds, smtp: context.smtp, nextToken }),
    );
    results.notifications = await attempt("notification latency", log, () =>
      measureNotificationLatency({ url: app.url, ...c.notifications, smtp: context.smtp, nextToken }),
    );
    // The load phases below are charged the CPU and rows they cause.
    const costed = async (run: () => Promise<LoadFigures>): Promise<LoadFigures> => {
      const { result, cost } = await measureServerCost({ groupId: app.pid, databaseUrl: context.databaseUrl, table: '"Inquiry"', maxSettleSeconds: 20 }, run);
      return { ...result, serverCost: cost };
    };

    for (const connections of c.closedLoop.connections) {
      log(`app: closed loop, ${connections} connections, ${c.closedLoop.seconds} s`);
      const figures = await costed(() => runClosedLoop({ label: `app c${connections}`, target: "app", url: app.url, connections, seconds: c.closedLoop.seconds, nextToken }));
      results.app.closedLoop.push(figures);
      phases.push(figures);
    }
    log(`app: open loop, ${c.fixedRate.perSecond} req/s for ${c.fixedRate.seconds} s`);
    results.app.fixedRate = await costed(() => runFixedRate({ label: "app fixed", target: "app", url: app.url, ...c.fixedRate, nextToken }));
    phases.push(results.app.fixedRate);

    const notified = [results.notificationsIdle, results.notifications].map((n, i) =>
      "error" in n ? { ok2xx: 0, non2xx: i === 0 ? c.notifications.idleCount : c.notifications.count } : n,
    );
    results.stored = await attempt("stored-row check", log, () =>
      verifyStoredInquiries({
        databaseUrl: context.databaseUrl,
        ok2xx: phases.reduce((sum, f) => sum + f.ok2xx, 0) + notified.reduce((sum, n) => sum + n.ok2xx, 0),
        unanswered: phases.reduce((sum, f) => sum + f.abandoned + f.errors, 0) + notified.reduce((sum, n) => sum + n.non2xx, 0),
      }),
    );
    log("waiting for the outbox to drain");
    results.outbox = await attempt("outbox drain", log, () =>
      waitForOutboxDrain({ databaseUrl: context.databaseUrl, smtp: context.smtp, timeoutSeconds: c.outboxDrainTimeoutSeconds }),
    );

    log("framework floor: the same route answering 400, 50 connections");
    results.frameworkFloor = await attempt("framework floor", log, () =>
      measureFrameworkFloor({ url: app.url, groupId: app.pid, connections: 50, seconds: c.closedLoop.seconds }),
    );

    if (context.statementStats) {
      log("profile: SQL statements per submission");
      results.queryProfile = await attempt("query profile", log, () =>
        profileQueries({ appUrl: app.url, databaseUrl: context.databaseUrl, databaseName: context.databaseName, count: 200, nextToken }),
      );
      if (!("error" in results.queryProfile)) results.app.sequential = results.queryProfile.sequential;
    }

    log("public pages: first-load JS");
    results.firstLoadJs = await attempt("first-load JS", log, async () => {
      const pages = [];
      for (const route of c.firstLoadJsRoutes) pages.push(await measureFirstLoadJs({ baseUrl: app.url, route }));
      return pages;
    });
    log(`public pages: LCP/CLS in Chromium (${c.webVitals.routes.length} routes × ${c.webVitals.loads})`);
    results.webVitals = await attempt("web vitals", log, () =>
      measureWebVitals({ baseUrl: app.url, routes: c.webVitals.routes, loads: c.webVitals.loads, conditions: c.webVitals }),
    );
  } finally {
    results.memory = memory.stop();
  }
}
