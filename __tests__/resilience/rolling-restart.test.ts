import { readFileSync } from "node:fs";
import path from "node:path";
import { appEnvironment } from "./support/app-environment";
import { spawnProcessGroup, tailOf, type ProcessGroup } from "./support/child-process-group";
import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkStorage } from "./support/check-storage";
import { withClient } from "./support/database-server";
import { longestEmailWaits } from "./support/email-waits";
import { readLogLines } from "./support/log-lines";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { OUTBOX_LEASE_MS, scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { uniqueInquiry } from "./support/unique-inquiry";
import { waitFor } from "./support/wait";
import { logFile, ROOT } from "./support/paths";
import { startWorkerProcess } from "./support/worker-process";

// Scenario 6: a rolling restart, as `docker compose up -d` after an upgrade
// does it: two production servers (WORKER_IN_PROCESS=false) and one worker
// under a steady submission load. One replica gets SIGTERM mid-load (it stops
// accepting, finishes what is in flight, exits) and is started again; later
// the worker gets SIGTERM (it stops claiming, finishes the sends under way and
// releases the rest) and a new worker takes over. Clients retry on the other
// replica when one refuses, as a load balancer would.

const SUBMISSIONS = scaled(300);
const CONCURRENCY = 10;
const SMTP_DELAY_MS = 250;
const EMAIL_WAIT_MS = 180_000;

const REPLICA_STOPPED_GRACEFULLY = "the replica stopped on SIGTERM by itself (no SIGKILL needed) and logged a clean stop";
const REPLICA_CAME_BACK = "the restarted replica answered again and took part of the load";
const WORKER_LEFT_NOTHING_CLAIMED = "the stopped worker left no notification claimed (none SENDING right after it exited)";
const NO_DOUBLE_SEND = "no notification was sent twice (no redelivery of a Message-ID)";
const WORKER_DRAINED = "the stopping worker finished the sends under way and released the claimed rows it had not started";
const NOTHING_LEFT_TO_LEASE = "no notification needed a second claim (none was abandoned to its lease)";
const REPLICA_GRACE_MS = 40_000;

// The worker as one Node process (what the image runs), so SIGTERM reaches it
// alone and the test can wait for it to exit by itself; `npm run worker`
// (worker-process.ts) puts npm in front, whose exit ends the wait too early.
async function startWorkerNode(name: string, env: NodeJS.ProcessEnv): Promise<{ group: ProcessGroup; log: string }> {
  const log = logFile(name);
  const group = spawnProcessGroup({
    command: process.execPath,
    args: ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "scripts", "worker.ts")],
    env,
    logFile: log,
  });
  await waitFor({
    what: `${name} to start`,
    timeoutMs: 120_000,
    check: () => {
      if (!group.running()) throw new Error(`${name} exited before it started:\n${tailOf(log)}`);
      return /\[worker\] outbox worker\b.* running/.test(readFileSync(log, "utf8")) ? true : undefined;
    },
  });
  return { group, log };
}

const scenario = runScenario({
  id: 7,
  title: "Rolling restart of one of two replicas, and of the worker, under load",
  timeoutMs: 12 * 60_000,
  async run() {
    const overrides = { WORKER_IN_PROCESS: "false", TRUST_PROXY_HOPS: "0" };
    // A slow mail server keeps the worker busy with a backlog, so its stop
    // finds sends under way and claimed rows still waiting for a connection.
    const stack = await startScenarioStack({ label: "s6_rolling", preferredPort: 3560, apps: 2, workers: 0, overrides, sinkAcceptDelayMs: SMTP_DELAY_MS });
    const [a, b] = stack.apps;
    if (!a || !b) throw new Error("stack incomplete");
    const env = appEnvironment({ databaseUrl: stack.database.url, smtpPort: stack.sink.port, publicUrl: a.url, secrets: stack.secrets, overrides });
    let firstWorker: { group: ProcessGroup; log: string } | undefined;
    let secondWorker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
    try {
      firstWorker = await startWorkerNode("s6_rolling-worker-1", env);
      const apps = [a, b];
      const started = Date.now();
      // The last third waits until replica A is back, so the restarted replica
      // is sure to get part of the load however fast the first two thirds go.
      let replicaBack = () => {};
      const replicaRestarted = new Promise<void>((resolve) => (replicaBack = resolve));
      const load = runLoad({
        gate: (index) => (index >= (2 * SUBMISSIONS) / 3 ? replicaRestarted : Promise.resolve()),
        count: SUBMISSIONS,
        concurrency: CONCURRENCY,
        inquiry: (index) => uniqueInquiry({ areaCode: "718", index }),
        // Alternate replicas per submission and per retry, like a load balancer that retries elsewhere.
        target: (index) => ({ baseUrl: (attempt) => apps[(index + attempt - 1) % 2]?.url ?? a.url, deadlineMs: 300_000 }),
      });

      await waitFor({ what: "a third of the load", timeoutMs: 300_000, check: () => (load.progress.settled >= SUBMISSIONS / 3 ? true : undefined) });
      const replicaStopStart = Date.now();
      const replicaPid = a.pid();
      if (replicaPid === undefined) throw new Error("replica A is not running");
      // SIGTERM only, to the whole process group, as `docker stop` sends it; SIGKILL only if it never exits.
      process.kill(-replicaPid, "SIGTERM");
      const replicaExitedBySigterm = await waitFor({ what: "replica A to exit", timeoutMs: REPLICA_GRACE_MS, check: () => (a.running() ? undefined : true) }).catch(() => false);
      if (!replicaExitedBySigterm) await a.stop();
      const replicaStopMs = Date.now() - replicaStopStart;
      const acceptedWhileDown = load.progress.accepted;
      await a.start();
      const replicaDownMs = Date.now() - replicaStopStart;
      replicaBack();

      await waitFor({ what: "two thirds of the load", timeoutMs: 300_000, check: () => (load.progress.settled >= (2 * SUBMISSIONS) / 3 ? true : undefined) });
      const workerStopStart = Date.now();
      // SIGTERM only; SIGKILL only if it has not exited by itself after 40 s.
      const workerExitedBySigterm = await firstWorker.group.signal("SIGTERM", 40_000);
      if (!workerExitedBySigterm) await firstWorker.group.signal("SIGKILL");
      const workerStopMs = Date.now() - workerStopStart;
      const claimedAfterStop = await withClient(stack.database.url, async (client) => {
        const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Notification" WHERE "status" = 'SENDING'`);
        return result.rows[0]?.n ?? -1;
      });
      const workerLines = readLogLines(firstWorker.log);
      const released = workerLines.filter((line) => line.msg === "notification released unsent: worker stopping").length;
      // Sends it finished after SIGTERM: logged as sent after the stop began (pino's `time` is epoch ms).
      const finishedWhileStopping = workerLines.filter((line) => line.msg === "notification sent" && Number(line.time) >= workerStopStart).length;
      secondWorker = await startWorkerProcess({ name: "s6_rolling-worker-2", env });

      const records = await load.done;
      const loadEnd = load.progress.finishedAt ?? Date.now();
      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      // Even indexes try replica A first: accepted at the first attempt after the restart means A served it.
      const acceptedAfterRestart = records.filter(
        (record) => record.index % 2 === 0 && record.attempts === 1 && record.referenceCode && (record.firstAttemptAt ?? 0) > replicaStopStart + replicaDownMs,
      ).length;
      // scripts/start.ts prints "[start] stopped" when its drain and shutdown hooks finished.
      const stopLogged = /\[start\] stopped/.test(readFileSync(a.logFile, "utf8"));
      const waits = longestEmailWaits(records, stack.sink.received);

      return {
        summary: `Two production servers (WORKER_IN_PROCESS=false) and one \`npm run worker\` on one database; ${SUBMISSIONS} submissions from ${CONCURRENCY} concurrent clients alternating between the replicas (a refused connection is retried on the other). After a third, replica A got SIGTERM and was started again; after two thirds, the worker got SIGTERM and a new worker was started.`,
        parameters: { submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "lease (s)": OUTBOX_LEASE_MS / 1000, "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          ...standardFigures(records, storage, email),
          "accepted when replica A got SIGTERM": acceptedWhileDown,
          "replica A: SIGTERM to exit (ms)": replicaStopMs,
          "replica A: down (ms, SIGTERM to healthy again)": replicaDownMs,
          "worker: SIGTERM to exit (ms)": workerStopMs,
          "SMTP server delay per message (ms)": SMTP_DELAY_MS,
          "notifications sent by the stopping worker after SIGTERM": finishedWhileStopping,
          "notifications released unsent by the stopping worker": released,
          "notifications SENDING right after the worker stopped": claimedAfterStop,
        },
        durationsSeconds: {
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "load end until the last email": Math.max(0, (email.lastEmailAt ?? loadEnd) - loadEnd) / 1000,
          ...waits,
        },
        checks: [
          ...standardChecks(records, storage, email),
          { name: REPLICA_STOPPED_GRACEFULLY, passed: replicaExitedBySigterm && stopLogged, evidence: `exited by SIGTERM: ${replicaExitedBySigterm}; stop logged: ${stopLogged}` },
          { name: REPLICA_CAME_BACK, passed: a.starts() === 2 && a.running() && acceptedAfterRestart > 0, evidence: `starts ${a.starts()}, accepted by A after its restart ${acceptedAfterRestart}` },
          { name: WORKER_LEFT_NOTHING_CLAIMED, passed: workerExitedBySigterm && claimedAfterStop === 0, evidence: `exited by SIGTERM: ${workerExitedBySigterm}; ${claimedAfterStop} SENDING` },
          { name: WORKER_DRAINED, passed: released > 0 && finishedWhileStopping > 0, evidence: `${finishedWhileStopping} sent after SIGTERM, ${released} released` },
          { name: NO_DOUBLE_SEND, passed: email.redeliveries === 0 && email.emailsReceived === email.distinctMessageIds, evidence: `${email.redeliveries} redeliveries` },
          { name: NOTHING_LEFT_TO_LEASE, passed: email.maxAttempts <= 1, evidence: `most claims of one notification: ${email.maxAttempts}` },
        ],
        notes: [
          "Clients stand in for the reverse proxy: a refused connection or a 503 is retried on the other replica.",
          "The worker's drain is checked directly: with the app replicas not sending (WORKER_IN_PROCESS=false), any row still SENDING after the worker exited would have been abandoned to its lease.",
        ],
      };
    } finally {
      await secondWorker?.stop();
      await firstWorker?.group.signal("SIGKILL");
      await stack.stop();
    }
  },
});

describe("scenario 7: rolling restart of a replica and of the worker under load", () => {
  it.each([...STANDARD_CHECKS, REPLICA_STOPPED_GRACEFULLY, REPLICA_CAME_BACK, WORKER_LEFT_NOTHING_CLAIMED, WORKER_DRAINED, NO_DOUBLE_SEND, NOTHING_LEFT_TO_LEASE])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
