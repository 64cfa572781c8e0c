import { checkEmailDelivery } from "./support/check-email-delivery";
import { checkWebhookDelivery } from "./support/check-webhook-delivery";
import { checkStorage } from "./support/check-storage";
import { longestEmailWaits } from "./support/email-waits";
import { runLoad } from "./support/run-load";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { scaled } from "./support/settings";
import { STANDARD_CHECKS, standardChecks, standardFigures } from "./support/standard-checks";
import { uniqueInquiry } from "./support/unique-inquiry";
import { registerWebhookEndpoint } from "./support/register-webhook-endpoint";
import { sleep, waitFor } from "./support/wait";
import { startWebhookSink } from "./support/webhook-sink";

// Scenario 1: the clinic's mail server goes away for 20 seconds in the middle
// of a burst of submissions. Intake must not notice (every submission is
// accepted and stored: the email is an outbox row, not part of the request),
// and once the mail server is back every inquiry gets exactly one email.
// Issue 13: a webhook receiver (HTTPS, subscribed to every new inquiry) has
// its own outage earlier in the burst; once back, it gets every inquiry's
// webhook exactly once, and email never waits for it.

const SUBMISSIONS = scaled(5000);
const CONCURRENCY = 50;
const OUTAGE_MS = 20_000;
const EMAIL_WAIT_MS = 300_000;

const OUTAGE_WAS_REAL = "the outage was real: deliveries failed during it and were retried";
const INTAKE_UNAFFECTED = "intake kept accepting submissions while SMTP was down";
const WEBHOOKS_ONCE = "webhooks: 0 lost, 0 duplicates for the endpoint, every signature valid, none failed or left pending";
const WEBHOOK_OUTAGE_WAS_REAL = "the webhook receiver's outage was real: deliveries failed during it and were retried";

const scenario = runScenario({
  id: 1,
  title: "SMTP outage under load",
  timeoutMs: 20 * 60_000,
  async run() {
    const hooks = await startWebhookSink();
    const stack = await startScenarioStack({ label: "s1_smtp", preferredPort: 3500, overrides: { NODE_EXTRA_CA_CERTS: hooks.caFile } });
    try {
      hooks.secret = await registerWebhookEndpoint({ databaseUrl: stack.database.url, secrets: stack.secrets, url: hooks.url, events: ["inquiry.received"] });
      const [app] = stack.apps;
      if (!app) throw new Error("no app");
      const started = Date.now();
      const load = runLoad({
        count: SUBMISSIONS,
        concurrency: CONCURRENCY,
        inquiry: (index) => uniqueInquiry({ areaCode: "212", index }),
        target: () => ({ baseUrl: () => app.url, deadlineMs: 300_000 }),
      });
      await waitFor({ what: "a quarter of the submissions", timeoutMs: 15 * 60_000, check: () => (load.progress.settled >= SUBMISSIONS / 4 ? true : undefined) });
      // The receiver's outage runs alongside the load (and may overlap the
      // SMTP outage), so it never delays the SMTP outage's start.
      const hookOutageStart = Date.now();
      let hookOutageEnd = hookOutageStart;
      const hookOutage = (async () => {
        await hooks.stop();
        await sleep(OUTAGE_MS);
        await hooks.start();
        hookOutageEnd = Date.now();
      })();
      await waitFor({ what: "half the submissions", timeoutMs: 15 * 60_000, check: () => (load.progress.settled >= SUBMISSIONS / 2 ? true : undefined) });
      const outageStart = Date.now();
      await stack.sink.stop();
      await sleep(OUTAGE_MS);
      await stack.sink.start();
      const outageEnd = Date.now();
      const records = await load.done;
      await hookOutage;
      const loadEnd = load.progress.finishedAt ?? Date.now();

      const storage = await checkStorage({ databaseUrl: stack.database.url, lookupKey: stack.secrets.LOOKUP_HMAC_KEY, records });
      const email = await checkEmailDelivery({ databaseUrl: stack.database.url, sink: stack.sink, timeoutMs: EMAIL_WAIT_MS });
      const webhooks = await checkWebhookDelivery({ databaseUrl: stack.database.url, sink: hooks, timeoutMs: EMAIL_WAIT_MS });
      const hooksDuringOutage = hooks.received.filter((h) => h.receivedAt > hookOutageStart + 1000 && h.receivedAt < hookOutageEnd).length;
      const acceptedDuringOutage = records.filter((r) => r.acceptedAt !== undefined && r.acceptedAt > outageStart && r.acceptedAt < outageEnd).length;
      const mailDuringOutage = stack.sink.received.filter((m) => m.receivedAt > outageStart + 1000 && m.receivedAt < outageEnd).length;
      return {
        summary: `${SUBMISSIONS} unique submissions from ${CONCURRENCY} concurrent keep-alive clients to one \`npm start\` (in-process outbox worker); the SMTP server was stopped for ${OUTAGE_MS / 1000} s once half had been answered, then started again on the same port.`,
        parameters: { submissions: SUBMISSIONS, "concurrent clients": CONCURRENCY, "SMTP outage (s)": OUTAGE_MS / 1000, "email wait bound (s)": EMAIL_WAIT_MS / 1000 },
        figures: {
          ...standardFigures(records, storage, email),
          "201 answers during the outage": acceptedDuringOutage,
          "emails received during the outage": mailDuringOutage,
          "webhook rows": webhooks.rows,
          "webhooks received": webhooks.received,
          "webhook rows needing more than one claim": webhooks.rowsRetried,
          "webhooks lost": webhooks.lost.length,
          "webhook duplicates (distinct webhook-ids for one inquiry)": webhooks.duplicates.length,
          "webhook redeliveries (same webhook-id again)": webhooks.redeliveries,
          "webhooks with an invalid signature": webhooks.invalidSignatures,
          "webhooks received during the receiver's outage": hooksDuringOutage,
        },
        durationsSeconds: {
          "load (all submissions answered)": (loadEnd - started) / 1000,
          "SMTP outage": (outageEnd - outageStart) / 1000,
          "webhook receiver outage": (hookOutageEnd - hookOutageStart) / 1000,
          "SMTP back until the last email arrived": ((email.lastEmailAt ?? outageEnd) - outageEnd) / 1000,
          ...longestEmailWaits(records, stack.sink.received),
        },
        checks: [
          ...standardChecks(records, storage, email),
          { name: OUTAGE_WAS_REAL, passed: email.notificationsRetried > 0 && mailDuringOutage === 0, evidence: `${email.notificationsRetried} notifications retried, ${mailDuringOutage} emails during the outage` },
          { name: INTAKE_UNAFFECTED, passed: acceptedDuringOutage > 0, evidence: `${acceptedDuringOutage} submissions accepted during the outage` },
          {
            name: WEBHOOKS_ONCE,
            passed:
              webhooks.rows === email.notifications &&
              webhooks.lost.length === 0 &&
              webhooks.duplicates.length === 0 &&
              webhooks.invalidSignatures === 0 &&
              webhooks.rowsFailedOrUnfinished === 0,
            evidence: `${webhooks.rows} rows for ${email.notifications} inquiries; lost ${webhooks.lost.length}, duplicates ${webhooks.duplicates.length}, invalid signatures ${webhooks.invalidSignatures}, failed/unfinished ${webhooks.rowsFailedOrUnfinished}`,
          },
          {
            name: WEBHOOK_OUTAGE_WAS_REAL,
            passed: webhooks.rowsRetried > 0 && hooksDuringOutage === 0,
            evidence: `${webhooks.rowsRetried} webhook rows retried, ${hooksDuringOutage} received during the outage`,
          },
        ],
        notes: [
          ...(email.redeliveries > 0 ? [`${email.redeliveries} message(s) arrived twice with the same Message-ID (connection cut after the SMTP server had accepted them).`] : []),
          ...(webhooks.redeliveries > 0 ? [`${webhooks.redeliveries} webhook(s) arrived twice with the same webhook-id (connection cut after the receiver had read them).`] : []),
        ],
      };
    } finally {
      await stack.stop();
      await hooks.stop();
    }
  },
});

describe(`scenario 1: SMTP outage in the middle of ${SUBMISSIONS} submissions`, () => {
  it.each([...STANDARD_CHECKS, OUTAGE_WAS_REAL, INTAKE_UNAFFECTED, WEBHOOKS_ONCE, WEBHOOK_OUTAGE_WAS_REAL])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
});
