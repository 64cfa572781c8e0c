import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkStorage } from "./support/check-storage";
import { longestEmailWaits } from "./support/email-waits";
import { sentNotificationIds } from "./support/log-lines";
import { rateLimitBurst } from "./support/rate-limit-burst";
import { readNotifications } from "./support/stored-inquiries";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { uniqueInquiry } from "./support/unique-inquiry";

// Scenario 4: the scale-out deployment the architecture promises: two
// stateless `npm start` instances (WORKER_IN_PROCESS=false) and two
// standalone `npm run worker` processes against one database. Rate limits
// live in PostgreSQL, so they hold across instances; the outbox is claimed
// with SKIP LOCKED, so two workers never send the same notification.

const IP_MAX = 5;
const BURST_PER_INSTANCE = 3;
const SUBMISSIONS = scaled(1000);
const CONCURRENCY = 20;
const EMAIL_WAIT_MS = 240_000;

const RATE_LIMIT_SHARED = `one client address, ${BURST_PER_INSTANCE} requests to each instance at once: exactly ${IP_MAX} accepted and one 429 with Retry-After`;
const REFUSED_NOT_STORED = "the refused request stored nothing";
const WORKERS_DISJOINT = "no notification was sent by both workers, or twice by one";
const WORKERS_COVER = "the two workers between them sent every notification";
const APPS_SENT_NONE = "the app instances sent no email themselves (WORKER_IN_PROCESS=false)";

// Load-test clients each get their own address so the per-address limit (5 an
// hour) never refuses them: only the burst above tests it. The test client
// stands in for one trusted reverse proxy (TRUST_PROXY_HOPS=1), which is how
// an address other than the socket's reaches the app at all.
function addressOf(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

const scenario = runScenario({
  id: 4,
  title: "Two app instances and two workers on one database",
  timeoutMs: 20 * 60_000,
  async run() {
    const stack = await startScenarioStack({
      label: "s4_multi",
      preferredPort: 3530,
      apps: 2,
      workers: 2,
      overrides: { WORKER_IN_PROCESS: "false", RATE_LIMIT_IP_MAX: String(IP_MAX), RATE_LIMIT_IP_WINDOW_SECONDS: "3600", TRUST_PROXY_HOPS: "1" },
    });
    try {
      const [a, b] = stack.apps;
      const [w1, w2] = stack.workers;
      if (!a || !b || !w1 || !w2) throw new Error("stack incomplete");

      const burstStart = Date.now();
      const burst = await rateLimitBurst({
        targets: [...Array<string>(BURST_PER_INSTANCE).fill(a.url), ...Array<string>(BURST_PER_INSTANCE).fill(b.url)],
        clientAddress: "198.51.100.7",
        inquiry: (i) => uniqueInquiry({ areaCode: "617", index: 900_000 + i }),
      });
      const accepted = burst.filter((answer) => answer.status === 201);
      const refused = burst.filter((answer) => answer.status === 429);
      const retryAfter = Number(refused[0]?.retryAfter);
      const refusedIsProblem = refused.every((answer) => answer.contentType.startsWith("application/problem+json") && (JSON.parse(answer.body) as { status?: unknown }).status === 429);
      const burstEnd = Date.now();

      const started = Date.now();
      const apps = [a, b];
      const load = runLoad({
        count: SUBMISSIONS,
        concurrency: CONCURRENCY,
        inquiry: (index) => uniqueInquiry({ areaCode: "617", index }),
        // Alternate instances per submission, and per retry: a retry may land on the other instance.
        target: (index) => ({ baseUrl: (attempt) => apps[(index + attempt - 1) % 2]?.url ?? a.url, headers: { "x-forwarded-for": addressOf(index) }, deadlineMs: 300_000 }),
      });
      const loadRecords = await load.done;
      const loadEnd = load.progress.finishedAt ?? Date.now();

      const records = [...accepted.map((answer) => answer.record), ...loadRecords];
      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const refusedStorage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records: refused.map((answer) => answer.record) });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      const notifications = await readNotifications(stack.database.url);

      const byWorker = [w1, w2].map((worker) => sentNotificationIds(worker.logFile));
      const byApps = [a, b].flatMap((app) => sentNotificationIds(app.logFile));
      const [sent1 = [], sent2 = []] = byWorker;
      const bothSent = sent1.filter((id) => new Set(sent2).has(id));
      const allSent = [...sent1, ...sent2];
      const union = new Set(allSent);
      const missing = notifications.filter((n) => !union.has(n.id));

      return {
        summary: `Two \`npm start\` instances with WORKER_IN_PROCESS=false and two \`npm run worker\` processes on one database. First ${BURST_PER_INSTANCE * 2} simultaneous submissions from one client address (RATE_LIMIT_IP_MAX=${IP_MAX}), ${BURST_PER_INSTANCE} to each instance; then ${SUBMISSIONS} submissions from ${CONCURRENCY} concurrent clients (one address each) alternating between the instances.`,
        parameters: { "RATE_LIMIT_IP_MAX": IP_MAX, "burst requests": BURST_PER_INSTANCE * 2, submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          "burst: accepted (201)": accepted.length,
          "burst: refused (429)": refused.length,
          "burst: 429 Retry-After (s)": refused[0]?.retryAfter ?? "none",
          ...standardFigures(records, storage, email),
          "emails sent by worker 1": sent1.length,
          "emails sent by worker 2": sent2.length,
          "emails sent by the app instances": byApps.length,
        },
        durationsSeconds: {
          "rate-limit burst": (burstEnd - burstStart) / 1000,
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "load end until the last email": Math.max(0, (email.lastEmailAt ?? loadEnd) - loadEnd) / 1000,
          ...longestEmailWaits(records, stack.sink.received),
        },
        checks: [
          {
            name: RATE_LIMIT_SHARED,
            passed: accepted.length === IP_MAX && refused.length === 1 && Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 3600 && refusedIsProblem,
            evidence: burst.map((answer) => `${answer.baseUrl} → ${answer.status}${answer.retryAfter ? ` (Retry-After ${answer.retryAfter})` : ""}`).join(", "),
          },
          { name: REFUSED_NOT_STORED, passed: refusedStorage.storedButUnacknowledged === 0, evidence: `${refusedStorage.storedButUnacknowledged} stored` },
          ...standardChecks(records, storage, email),
          { name: WORKERS_DISJOINT, passed: bothSent.length === 0 && union.size === allSent.length, evidence: `${bothSent.length} sent by both, ${allSent.length - union.size} logged twice` },
          { name: WORKERS_COVER, passed: missing.length === 0, evidence: `${missing.length} not logged as sent by either worker` },
          { name: APPS_SENT_NONE, passed: byApps.length === 0, evidence: `${byApps.length} sent by the app instances` },
        ],
        notes: [
          "The load clients use one address each (the per-address limit stays at 5 an hour); the global limit is raised so it never refuses the load.",
        ],
      };
    } finally {
      await stack.stop();
    }
  },
});

describe("scenario 4: two app instances and two outbox workers on one database", () => {
  it.each([RATE_LIMIT_SHARED, REFUSED_NOT_STORED, ...STANDARD_CHECKS, WORKERS_DISJOINT, WORKERS_COVER, APPS_SENT_NONE])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
