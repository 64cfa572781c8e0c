import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkStorage } from "./support/check-storage";
import { longestEmailWaits } from "./support/email-waits";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { OUTBOX_LEASE_MS, scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { uniqueInquiry } from "./support/unique-inquiry";
import { waitFor } from "./support/wait";

// Scenario 2: the app process is killed without warning (SIGKILL: no
// shutdown hook runs) in the middle of a load, and started again. Requests in
// flight die with it; clients retry with the same body and form token, so the
// idempotency key maps a retry of an already stored inquiry to its row. The
// in-process outbox worker dies too, possibly between handing a message to
// SMTP and marking it sent: its lease expires and the notification is sent
// again under the same Message-ID, which is why emails are counted by
// distinct Message-ID.

const SUBMISSIONS = scaled(1000);
const CONCURRENCY = 20;
const KILL_AT = 0.4;
const EMAIL_WAIT_MS = OUTBOX_LEASE_MS + 120_000;

const CRASH_WAS_REAL = "the crash was real: a new process served the rest, and clients saw dropped connections";

const scenario = runScenario({
  id: 2,
  title: "App process killed (SIGKILL) mid-run",
  timeoutMs: 20 * 60_000,
  async run() {
    const stack = await startScenarioStack({ label: "s2_crash", preferredPort: 3510 });
    try {
      const [app] = stack.apps;
      if (!app) throw new Error("no app");
      const started = Date.now();
      const load = runLoad({
        count: SUBMISSIONS,
        concurrency: CONCURRENCY,
        inquiry: (index) => uniqueInquiry({ areaCode: "312", index }),
        target: () => ({ baseUrl: () => app.url, deadlineMs: 300_000 }),
      });
      await waitFor({ what: "the kill point", timeoutMs: 15 * 60_000, check: () => (load.progress.settled >= SUBMISSIONS * KILL_AT ? true : undefined) });
      const pidBefore = app.pid();
      const killedAt = Date.now();
      await app.crash();
      await app.start();
      const backAt = Date.now();
      const pidAfter = app.pid();
      const records = await load.done;
      const loadEnd = load.progress.finishedAt ?? Date.now();

      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      const dropped = records.reduce((sum, r) => sum + (r.outcomes.network ?? 0), 0);
      const notes = [
        `Notifications claimed by the killed process stay leased for ${OUTBOX_LEASE_MS / 1000} s (NOTIFY_LEASE_SECONDS; 120 s unless configured), so their email follows the restart by up to that long.`,
      ];
      if (email.redeliveries > 0) {
        notes.push(`${email.redeliveries} email(s) were sent twice with the same Message-ID: the process died after the SMTP server accepted them and before they were marked sent (at-least-once delivery; a mail system recognises the duplicate by its Message-ID).`);
      }
      return {
        summary: `${SUBMISSIONS} unique submissions from ${CONCURRENCY} concurrent clients; once ${KILL_AT * 100}% were answered the \`npm start\` process group was sent SIGKILL and started again on the same port. Clients retried every failed request with the same body and form token until answered 201.`,
        parameters: { submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "killed after answered": Math.round(SUBMISSIONS * KILL_AT), "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          ...standardFigures(records, storage, email),
          "app processes started": app.starts(),
        },
        durationsSeconds: {
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "down (SIGKILL until healthy again)": (backAt - killedAt) / 1000,
          "load end until the last email": Math.max(0, (email.lastEmailAt ?? loadEnd) - loadEnd) / 1000,
          ...longestEmailWaits(records, stack.sink.received),
        },
        checks: [
          ...standardChecks(records, storage, email),
          { name: CRASH_WAS_REAL, passed: pidBefore !== pidAfter && app.starts() === 2 && dropped > 0, evidence: `pid ${pidBefore} → ${pidAfter}, ${dropped} dropped or refused requests` },
        ],
        notes,
      };
    } finally {
      await stack.stop();
    }
  },
});

describe(`scenario 2: SIGKILL and restart of the app during ${SUBMISSIONS} submissions`, () => {
  it.each([...STANDARD_CHECKS, CRASH_WAS_REAL])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
