import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkStorage } from "./support/check-storage";
import { longestEmailWaits } from "./support/email-waits";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { OUTBOX_LEASE_MS, scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { submitUntilAccepted, type SubmissionRecord } from "./support/submission-client";
import { terminateBackends } from "./support/terminate-backends";
import { uniqueInquiry } from "./support/unique-inquiry";
import { sleep, waitFor } from "./support/wait";

// Scenario 3: every connection the app holds to PostgreSQL is cut, several
// times, in the middle of a load (pg_terminate_backend, as a failover or a
// server restart would). A request caught in it must get either 201 or the
// clear 503 that gives the clinic's phone number, never a 500 or a stack
// trace; the same process must recover on its own; and nothing it
// acknowledged may be missing afterwards.

const SUBMISSIONS = scaled(1000);
const CONCURRENCY = 20;
const TERMINATIONS = 4;
const TERMINATION_GAP_MS = 2000;
const PROBES = 5;
const EMAIL_WAIT_MS = OUTBOX_LEASE_MS + 120_000;

const LOSS_WAS_REAL = "the connection loss was real: the app's backends were terminated each time";
const SAME_PROCESS = "the app recovered without a restart (same process throughout, no dropped HTTP connection)";
const RECOVERED = "after the losses, new submissions are accepted at the first attempt";
const NOT_RESENT = "no email was sent twice: a 'sent' update cut off with its connection is retried";

const scenario = runScenario({
  id: 3,
  title: "PostgreSQL connections terminated mid-run",
  timeoutMs: 20 * 60_000,
  async run() {
    const stack = await startScenarioStack({ label: "s3_pgkill", preferredPort: 3520 });
    try {
      const [app] = stack.apps;
      if (!app) throw new Error("no app");
      const pid = app.pid();
      const started = Date.now();
      const target = () => ({ baseUrl: () => app.url, deadlineMs: 300_000 });
      const load = runLoad({ count: SUBMISSIONS, concurrency: CONCURRENCY, inquiry: (index) => uniqueInquiry({ areaCode: "415", index }), target });
      await waitFor({ what: "20% of the load", timeoutMs: 15 * 60_000, check: () => (load.progress.settled >= SUBMISSIONS * 0.2 ? true : undefined) });
      const terminated: number[] = [];
      const lossStart = Date.now();
      for (let round = 0; round < TERMINATIONS; round += 1) {
        if (round > 0) await sleep(TERMINATION_GAP_MS);
        terminated.push(await terminateBackends(stack.database.name));
      }
      const lossEnd = Date.now();
      const loadRecords = await load.done;
      const loadEnd = load.progress.finishedAt ?? Date.now();

      const probes: SubmissionRecord[] = [];
      for (let i = 0; i < PROBES; i += 1) {
        const { phoneE164, answers } = uniqueInquiry({ areaCode: "415", index: SUBMISSIONS + i });
        probes.push(await submitUntilAccepted({ index: SUBMISSIONS + i, phoneE164, answers, target: target() }));
      }
      const records = [...loadRecords, ...probes];
      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      const dropped = records.reduce((sum, r) => sum + (r.outcomes.network ?? 0), 0);
      const unavailable = records.reduce((sum, r) => sum + (r.outcomes["503"] ?? 0), 0);
      const notes: string[] = [];
      if (storage.storedBeforeAFailedAttempt > 0) {
        notes.push(
          `${storage.storedBeforeAFailedAttempt} submission(s) got a 503 although their row had been committed: the connection died after COMMIT reached PostgreSQL and before its reply reached the app. The 503 says the request could not be confirmed and that sending it again is safe; the client's retry with the same form token was answered 201 with the same reference code, so nothing was duplicated.`,
        );
      }
      if (email.redeliveries > 0) {
        notes.push(`${email.redeliveries} email(s) arrived twice with the same Message-ID: the "sent" update failed on every retry after SMTP had accepted the message; it was sent again when its ${OUTBOX_LEASE_MS / 1000} s lease expired.`);
      }
      return {
        summary: `${SUBMISSIONS} unique submissions from ${CONCURRENCY} concurrent clients to one \`npm start\`; after 20% were answered, every backend of the app's database was terminated ${TERMINATIONS} times, ${TERMINATION_GAP_MS / 1000} s apart. Clients retried 503s with the same body and form token. Then ${PROBES} fresh submissions probed recovery.`,
        parameters: { submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "termination rounds": TERMINATIONS, "recovery probes": PROBES, "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          ...standardFigures(records, storage, email),
          "backends terminated per round": terminated.join(", "),
        },
        durationsSeconds: {
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "termination rounds": (lossEnd - lossStart) / 1000,
          "load end until the last email": Math.max(0, (email.lastEmailAt ?? loadEnd) - loadEnd) / 1000,
          ...longestEmailWaits(records, stack.sink.received),
        },
        checks: [
          ...standardChecks(records, storage, email),
          { name: LOSS_WAS_REAL, passed: terminated.every((n) => n > 0), evidence: `terminated per round: ${terminated.join(", ")}; ${unavailable} answers were 503` },
          { name: SAME_PROCESS, passed: app.starts() === 1 && app.pid() === pid && dropped === 0, evidence: `starts ${app.starts()}, pid ${pid} → ${app.pid()}, ${dropped} dropped connections` },
          { name: RECOVERED, passed: probes.every((p) => p.referenceCode && p.attempts === 1), evidence: probes.map((p) => JSON.stringify(p.outcomes)).join(" ") },
          { name: NOT_RESENT, passed: email.redeliveries === 0, evidence: `${email.redeliveries} redeliveries; ${email.emailsReceived} emails for ${email.notifications} notifications` },
        ],
        notes,
      };
    } finally {
      await stack.stop();
    }
  },
});

describe(`scenario 3: PostgreSQL connections cut during ${SUBMISSIONS} submissions`, () => {
  it.each([...STANDARD_CHECKS, LOSS_WAS_REAL, SAME_PROCESS, RECOVERED, NOT_RESENT])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
