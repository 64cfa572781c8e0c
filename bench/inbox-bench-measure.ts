import { writeFileSync } from "node:fs";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";
import { disconnectDb, getDb, getPool } from "@/lib/db/client";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { countNewInquiries } from "@/lib/triage/inbox/count-new-inquiries";
import { listDueFollowUps } from "@/lib/triage/inbox/list-due-follow-ups";
import { listInquiries } from "@/lib/triage/inbox/list-inquiries";
import { loadInboxOptions } from "@/lib/triage/inbox/load-inbox-options";
import { searchInquiries } from "@/lib/triage/inbox/search-inquiries";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { lookupHashKey } from "@/lib/security/secrets";
import { InboxFilterSchema, type InboxCursor } from "@/lib/validations/inbox-filter";
import { summariseLatencies, type LatencySummary } from "./support/latency-stats";
import { describePlans, planInquiryQueries } from "./inbox-bench-explain";

// The inbox's domain queries timed over the seeded table, in a plain Node
// process with the app's environment (run by bench/inbox-bench.ts as `node
// --conditions=react-server --import tsx`), one at a time: latency of a
// query, not throughput. Each scenario runs until RUNS samples or its time
// budget, whichever comes first, so the whole section stays bounded. Writes
// JSON to BENCH_INBOX_OUT.

const RUNS = Number(process.env.BENCH_INBOX_RUNS ?? 40);
const BUDGET_MS = Number(process.env.BENCH_INBOX_SCENARIO_MS ?? 6000);
const WARMUP = 3;
const VIEWER = process.env.BENCH_INBOX_VIEWER ?? "seed-staff-1";

export type InboxScenarioFigures = { name: string; rows: number; latency: LatencySummary; plan: string };

async function time(name: string, run: () => Promise<{ rows: number }>): Promise<InboxScenarioFigures> {
  const plan = describePlans(await planInquiryQueries(run));
  let rows = 0;
  for (let i = 0; i < WARMUP; i += 1) rows = (await run()).rows;
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < RUNS && performance.now() - started < BUDGET_MS) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return { name, rows, latency: summariseLatencies(samples), plan };
}

// Real keyed hashes on a few seeded rows, so name and phone searches find
// something (the seed's own hashes are not keyed): one common name shared by
// every 2,000th row (500 rows per million), one phone number.
async function plantSearchTargets(): Promise<void> {
  const key = lookupHashKey();
  const pool = getPool();
  await pool.query(`UPDATE "Inquiry" SET "firstNameHash" = $1 WHERE "firstNameHash" = md5('n0') || md5('m0')`, [
    hashForLookup({ key, kind: "name", value: normaliseName("Maria") }),
  ]);
  await pool.query(`UPDATE "Inquiry" SET "phoneHash" = $1 WHERE "idempotencyKey" = 'seed-4242'`, [hashForLookup({ key, kind: "phone", value: "+12125550142" })]);
}

async function main(): Promise<void> {
  await plantSearchTargets();
  const settings = await getTriageSettings();
  const zone = settings.timeZone;
  const list = (query: Record<string, string>, after?: InboxCursor) => async () => {
    const page = await listInquiries({ filter: { ...InboxFilterSchema.parse(query), ...(after ? { after } : {}) }, viewerId: VIEWER, timeZone: zone });
    return { rows: page.rows.length, next: page.next };
  };
  // A cursor 20 pages deep into every stage, found by walking there once.
  let deep: InboxCursor | undefined;
  for (let page = 0; page < 20; page += 1) deep = (await list({ stage: "all" }, deep)()).next ?? deep;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const staff = { user: { id: VIEWER, email: "bench@clinic.example", name: "Bench", role: "coordinator" as const }, session: { id: "bench", createdAt: new Date(), lastActiveAt: new Date(), idleExpiresAt: new Date() }, request: { headers: new Headers(), ipAddress: "127.0.0.1", userAgent: "bench" } };
  const search = (term: string) => async () => {
    const found = await searchInquiries({ term, staff });
    return { rows: found.ok ? found.rows.length : 0 };
  };

  const scenarios: [string, () => Promise<{ rows: number }>][] = [
    ["first page (open stages)", list({})],
    ["whole page data: settings + first page + filter options", async () => {
      const [, page] = await Promise.all([getTriageSettings(), list({})(), loadInboxOptions()]);
      return page;
    }],
    ["page 21, every stage (keyset)", list({ stage: "all" }, deep)],
    ["filter: stage Admitted", list({ stage: "ADMITTED" })],
    ["filter: every stage", list({ stage: "all" })],
    ["filter: mine", list({ assignee: "mine" })],
    ["filter: unassigned", list({ assignee: "unassigned" })],
    ["filter: urgent", list({ urgency: "URGENT" })],
    ["filter: Spanish, referral source", list({ language: "es", source: "EMPLOYER" })],
    ["filter: date range (10 days), every stage", list({ stage: "all", from: day(30), to: day(20) })],
    ["filter: colleague, every stage", list({ stage: "all", assignee: "seed-staff-2" })],
    ["filter: Spanish + court referral + urgent, every stage", list({ stage: "all", language: "es", source: "COURT_OR_PROBATION", urgency: "URGENT" })],
    ["search: reference code", search("K7Q3-M9TD")],
    ["search: phone", search("(212) 555-0142")],
    ["search: common first name", search("Maria")],
    ["live refresh: new-arrival count", async () => {
      const where = buildInboxWhere({ filter: InboxFilterSchema.parse({}), viewerId: VIEWER, timeZone: zone });
      const counts = await countNewInquiries({ where, since: new Date(Date.now() - 60_000) });
      return { rows: counts.total };
    }],
    ["due now (call-backs until end of day)", async () => ({ rows: (await listDueFollowUps({ now: new Date(), timeZone: zone })).rows.length })],
  ];
  const figures: InboxScenarioFigures[] = [];
  for (const [name, run] of scenarios) figures.push(await time(name, run));
  const total = await getDb().inquiry.count();
  const out = process.env.BENCH_INBOX_OUT;
  if (!out) throw new Error("BENCH_INBOX_OUT is not set");
  writeFileSync(out, JSON.stringify({ inquiries: total, scenarios: figures }, null, 2));
}

main()
  .then(() => disconnectDb())
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDb();
    process.exitCode = 1;
  });
