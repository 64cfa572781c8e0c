import { validInquiry } from "../support/valid-inquiry";
import { checkEmailDelivery } from "./support/check-email-delivery";
import { CROSS_SITE_ACTION, CROSS_SITE_API, probeCrossSite } from "./support/cross-site-probes";
import { runHostileProperty, runRoundTripProperty } from "./support/fuzz-properties";
import { inquiryApiClient } from "./support/inquiry-api-client";
import { expectPassed, runScenario } from "./support/scenario-run";
import { startScenarioStack } from "./support/scenario-stack";
import { scaled } from "./support/settings";
import { EMAIL_CHECKS, emailChecks } from "./support/standard-checks";
import { readStoredInquiries } from "./support/stored-inquiries";
import { probeUnpairedSurrogate, UNPAIRED_SURROGATE } from "./support/unpaired-surrogate-probe";

// Scenario 5: what a hostile or broken client can send over HTTP. Thousands
// of generated requests (fast-check): wrong types, huge and deeply nested
// bodies, control and direction-changing characters, look-alike letters,
// prototype-pollution keys, garbage bytes, wrong content types. Each must get
// a 4xx problem+json, or 201 when the answers are in fact valid, and never a
// 5xx. Valid inquiries with text in any script must come back out of the
// database exactly as typed, normalised. Cross-site posts store nothing.

const HOSTILE_RUNS = scaled(3000);
const ROUND_TRIP_RUNS = scaled(300);
const SEED = process.env.RESILIENCE_SEED ? Number(process.env.RESILIENCE_SEED) : undefined;

const NEVER_5XX = "hostile requests: never a 5xx or an internal detail; every refusal a 4xx problem+json; 201 only for valid answers";
const ROUND_TRIP = "valid inquiries round-trip exactly (decrypted columns equal the normalised input); invalid ones get 422";
const STILL_HEALTHY = "after all of it, an ordinary submission is accepted at once";
const ONE_ROW_PER_201 = "exactly one row per 201 answer and none for any refusal";

const scenario = runScenario({
  id: 5,
  title: "Hostile input over HTTP",
  timeoutMs: 20 * 60_000,
  async run() {
    const stack = await startScenarioStack({ label: "s5_hostile", preferredPort: 3540 });
    try {
      const [app] = stack.apps;
      if (!app) throw new Error("no app");
      const databaseUrl = stack.database.url;
      const client = inquiryApiClient({ appUrl: app.url, appSecret: stack.secrets.APP_SECRET });
      const rowsNow = async () => (await readStoredInquiries(databaseUrl)).length;

      const started = Date.now();
      const hostile = await runHostileProperty(client, { runs: HOSTILE_RUNS, seed: SEED });
      const hostileDone = Date.now();
      const roundTrip = await runRoundTripProperty(client, { runs: ROUND_TRIP_RUNS, seed: SEED, databaseUrl, secrets: stack.secrets });
      const roundTripDone = Date.now();
      const surrogate = await probeUnpairedSurrogate(client, { databaseUrl, secrets: stack.secrets });
      const crossSite = await probeCrossSite({ client, appUrl: app.url, rowsNow });
      const healthy = await client.post(client.envelope(validInquiry({ phone: "(212) 555-0100" })), "application/json");

      const rows = await readStoredInquiries(databaseUrl);
      const rowCodes = new Set(rows.map((row) => row.referenceCode));
      const unaccounted = rows.length - client.acceptedCodes.size - crossSite.controlRows;
      const missing = [...client.acceptedCodes].filter((code) => !rowCodes.has(code));
      const email = await checkEmailDelivery({ databaseUrl, sink: stack.sink, timeoutMs: 180_000 });

      return {
        summary: `fast-check generated ${HOSTILE_RUNS} hostile requests and ${ROUND_TRIP_RUNS} plausible inquiries against one \`npm start\`; then an unpaired-surrogate example, cross-site calls of the API and of the form's server action, and a final ordinary submission.`,
        parameters: { "hostile runs": HOSTILE_RUNS, "round-trip runs": ROUND_TRIP_RUNS, seed: SEED ?? "random (a failure's evidence gives the seed to replay it with RESILIENCE_SEED)" },
        figures: {
          "hostile requests sent (with shrinking)": hostile.runs,
          ...Object.fromEntries(Object.entries(client.statuses).map(([status, n]) => [`answers ${status}`, n])),
          "plausible inquiries stored and compared field by field": roundTrip.counts.compared ?? 0,
          "plausible inquiries refused as invalid (422, as the schema says)": roundTrip.counts.refused ?? 0,
          "rows stored": rows.length,
          "rows without a 201": Math.max(0, unaccounted),
          "emails received": email.emailsReceived,
          "distinct Message-IDs": email.distinctMessageIds,
          "inquiries without email": email.inquiriesWithoutEmail.length,
          "inquiries with more than one distinct email": email.inquiriesWithSeveralEmails.length,
          ...crossSite.figures,
        },
        durationsSeconds: {
          "hostile property": (hostileDone - started) / 1000,
          "round-trip property": (roundTripDone - hostileDone) / 1000,
        },
        checks: [
          { name: NEVER_5XX, passed: hostile.failure === "", evidence: hostile.failure },
          { name: ROUND_TRIP, passed: roundTrip.failure === "" && (roundTrip.counts.compared ?? 0) > 0, evidence: roundTrip.failure || "nothing compared" },
          surrogate,
          ...crossSite.checks,
          { name: STILL_HEALTHY, passed: healthy.status === 201, evidence: `answered ${healthy.status}` },
          { name: ONE_ROW_PER_201, passed: missing.length === 0 && unaccounted === 0, evidence: `${missing.length} 201s without a row, ${unaccounted} rows without a 201` },
          ...emailChecks(email),
        ],
        notes: [
          crossSite.note,
          "Search and filter with SQL metacharacters: skipped, there is no staff search yet.",
          "Cross-site scripting in the staff area and open redirects after sign-in: waiting for the staff area.",
        ],
      };
    } finally {
      await stack.stop();
    }
  },
});

describe("scenario 5: hostile input over HTTP", () => {
  it.each([NEVER_5XX, ROUND_TRIP, UNPAIRED_SURROGATE, CROSS_SITE_API, CROSS_SITE_ACTION, STILL_HEALTHY, ONE_ROW_PER_201, ...EMAIL_CHECKS])("%s", (name) => {
    expectPassed(scenario.check(name));
  });
  it.todo("search and filter with SQL metacharacters (no staff search exists yet)");
  it.todo("staff area: stored answers rendered without script execution, and no open redirect after sign-in (no staff area yet)");
});
