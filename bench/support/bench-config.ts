// The BENCH CONFIGURATION: what `npm run bench` measures, and how the app is
// set up for it. Printed at the start of every run and stored in the results,
// because figures mean nothing without the settings they were taken under.

// BENCH_QUICK=1 shortens every phase (for working on the benchmark itself);
// its figures are not comparable with a full run's.
const quick = process.env.BENCH_QUICK === "1";

export const BENCH_CONFIG = {
  quick,
  // BENCH_CPU_PROFILE=1 runs the app under `node --cpu-prof` and prints where
  // its CPU time went. The profiler slows the app: figures of such a run are
  // for finding the bottleneck, not for comparison.
  cpuProfile: process.env.BENCH_CPU_PROFILE === "1",
  ports: {
    app: Number(process.env.BENCH_APP_PORT ?? 3400),
    rateLimitApp: Number(process.env.BENCH_RATE_LIMIT_APP_PORT ?? 3401),
    baseline: Number(process.env.BENCH_BASELINE_PORT ?? 3402),
    embeddedPostgres: Number(process.env.BENCH_POSTGRES_PORT ?? 54340),
  },
  warmupSeconds: quick ? 2 : 3,
  closedLoop: { connections: [10, 50, 100], seconds: quick ? 3 : 10 },
  fixedRate: { perSecond: 100, seconds: quick ? 8 : 30, maxSockets: 100 },
  notifications: { idleCount: quick ? 20 : 50, count: quick ? 100 : 500, concurrency: 10, timeoutSeconds: 60 },
  outboxDrainTimeoutSeconds: quick ? 30 : 90,
  formTokens: 64,
  webVitals: {
    routes: ["/", "/request"],
    loads: 3,
    cpuThrottlingRate: 4,
    // "Slow 4G" as Lighthouse defines it: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
  firstLoadJsRoutes: ["/", "/es", "/request", "/es/request", "/privacy"],
  rateLimitCheck: { ipMax: 5, submissions: 8 },
  // The app's own variables under which the load phases run. FORM_MIN_FILL_SECONDS=0
  // and limits far above what the load can reach: the bot check and the rate
  // limits would otherwise turn the measurement into a count of 400s and 429s.
  // (Rate limits still run: both counters are updated by every submission's statement.)
  appEnv: {
    FORM_MIN_FILL_SECONDS: "0",
    RATE_LIMIT_IP_MAX: "1000000000",
    RATE_LIMIT_GLOBAL_MAX: "1000000000",
    NOTIFY_POLL_MS: "200",
    DATABASE_POOL_MAX: "10",
    WORKER_IN_PROCESS: "true",
    LOG_LEVEL: "info",
  },
  // The baseline server's pool matches the app's DATABASE_POOL_MAX.
  baselinePoolMax: 10,
  targets: {
    fixedRateP99Ms: 100,
    throughputVsBaseline: 0.4,
    notificationP95Ms: 2000,
    lcpMs: 1500,
    cls: 0.05,
  },
} as const;

export type BenchConfig = typeof BENCH_CONFIG;
