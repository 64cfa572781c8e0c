import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkStorage } from "./support/check-storage";
import { longestEmailWaits } from "./support/email-waits";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { uniqueInquiry } from "./support/unique-inquiry";
import { sleep, waitFor } from "./support/wait";

// Scenario 1: the clinic's mail server goes away for 20 seconds in the middle
// of a burst of submissions. Intake must not notice (every submission is
// accepted and stored: the email is an outbox row, not part of the request),
// and once the mail server is back every inquiry gets exactly one email.

const SUBMISSIONS = scaled(5000);
const CONCURRENCY = 50;
const OUTAGE_MS = 20_000;
const EMAIL_WAIT_MS = 300_000;

const OUTAGE_WAS_REAL = "the outage was real: deliveries failed during it and were retried";
const INTAKE_UNAFFECTED = "intake kept accepting submissions while SMTP was down";

const scenario = runScenario({
  id: 1,
  title: "SMTP outage under load",
  timeoutMs: 20 * 60_000,
  async run() {
    const stack = await startScenarioStack({ label: "s1_smtp", preferredPort: 3500 });
    try {
      const [app] = stack.apps;
      if (!app) throw new Error("no app");
      const started = Date.now();
      const load = runLoad({
        count: SUBMISSIONS,
        concurrency: CONCURRENCY,
        inquiry: (index) => uniqueInquiry({ areaCode: "212", index }),
        target: () => ({ baseUrl: () => app.url, deadlineMs: 300_000 }),
      });
      await waitFor({ what: "half the submissions", timeoutMs: 15 * 60_000, check: () => (load.progress.settled >= SUBMISSIONS / 2 ? true : undefined) });
      const outageStart = Date.now();
      await stack.sink.stop();
      await sleep(OUTAGE_MS);
      await stack.sink.start();
      const outageEnd = Date.now();
      const records = await load.done;
      const loadEnd = load.progress.finishedAt ?? Date.now();

      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      const acceptedDuringOutage = records.filter((r) => r.acceptedAt !== undefined && r.acceptedAt > outageStart && r.acceptedAt < outageEnd).length;
      const mailDuringOutage = stack.sink.received.filter((m) => m.receivedAt > outageStart + 1000 && m.receivedAt < outageEnd).length;
      return {
        summary: `${SUBMISSIONS} unique submissions from ${CONCURRENCY} concurrent keep-alive clients to one \`npm start\` (in-process outbox worker); the SMTP server was stopped for ${OUTAGE_MS / 1000} s once half had been answered, then started again on the same port.`,
        parameters: { submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "SMTP outage (s)": OUTAGE_MS / 1000, "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          ...standardFigures(records, storage, email),
          "201 answers during the outage": acceptedDuringOutage,
          "emails received during the outage": mailDuringOutage,
        },
        durationsSeconds: {
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "SMTP outage": (outageEnd - outageStart) / 1000,
          "SMTP back until the last email arrived": ((email.lastEmailAt ?? outageEnd) - outageEnd) / 1000,
          ...longestEmailWaits(records, stack.sink.received),
        },
        checks: [
          ...standardChecks(records, storage, email),
          { name: OUTAGE_WAS_REAL, passed: email.notificationsRetried > 0 && mailDuringOutage === 0, evidence: `${email.notificationsRetried} notifications retried, ${mailDuringOutage} emails during the outage` },
          { name: INTAKE_UNAFFECTED, passed: acceptedDuringOutage > 0, evidence: `${acceptedDuringOutage} submissions accepted during the outage` },
        ],
        notes: email.redeliveries > 0 ? [`${email.redeliveries} message(s) arrived twice with the same Message-ID (connection cut after the SMTP server had accepted them).`] : [],
      };
    } finally {
      await stack.stop();
    }
  },
});

describe(`scenario 1: SMTP outage in the middle of ${SUBMISSIONS} submissions`, () => {
  it.each([...STANDARD_CHECKS, OUTAGE_WAS_REAL, INTAKE_UNAFFECTED])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
