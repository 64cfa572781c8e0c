import type { Client } from "pg";
import type { StaffContext } from "@/lib/auth/require-staff";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { countNewInquiries } from "@/lib/triage/inbox/count-new-inquiries";
import { listDueFollowUps } from "@/lib/triage/inbox/list-due-follow-ups";
import { listInquiries } from "@/lib/triage/inbox/list-inquiries";
import { searchInquiries } from "@/lib/triage/inbox/search-inquiries";
import { InboxFilterSchema } from "@/lib/validations/inbox-filter";
import { planInquiryQueries, type PlanNode } from "@/bench/inbox-bench-explain";
import { seedInboxInquiries } from "@/bench/inbox-bench-seed";
import { addCoordinator } from "@/__tests__/support/inbox-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// The inbox's queries, exactly as the code sends them (captured from the pg
// pool under Prisma, bench/inbox-bench-explain.ts), EXPLAINed over 50,000 inquiries shaped like a real
// history (bench/inbox-bench-seed.ts): none may read the Inquiry table
// sequentially. `npm run bench` times the same queries over 1,000,000.

const database = provideTestDatabaseClient();
let sql: Client;
let viewer: StaffContext;
let assigneeId: string;
const ZONE = "America/New_York";

beforeAll(async () => {
  sql = database.sql;
  const { staffIds } = await seedInboxInquiries(sql, { count: 50_000, days: 730 });
  assigneeId = staffIds[0] ?? "";
  viewer = await addCoordinator("Viewer");
}, 120_000);

async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[][]> {
  const plans = await planInquiryQueries(run);
  expect(plans.length).toBeGreaterThan(0);
  return plans;
}

function expectIndexedOnly(plans: PlanNode[][]): void {
  for (const nodes of plans) {
    const onInquiry = nodes.filter((node) => node["Relation Name"] === "Inquiry" || node["Index Name"]?.startsWith("Inquiry"));
    expect(onInquiry.filter((node) => node["Node Type"] === "Seq Scan")).toEqual([]);
    expect(onInquiry.some((node) => /Index/.test(node["Node Type"]))).toBe(true);
  }
}

const list = (query: Record<string, string>, after?: { urgent: boolean; challenged?: boolean; createdAt: Date; id: string }) => () =>
  listInquiries({ filter: { ...InboxFilterSchema.parse(query), ...(after ? { after } : {}) }, viewerId: assigneeId, timeZone: ZONE });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

it.each([
  ["default view (open stages), first page", list({})],
  ["default view, a page deep in the routine segment", list({}, { urgent: false, createdAt: daysAgo(6), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" })],
  [
    "default view, a page deep among routine ones submitted under challenge",
    list({}, { urgent: false, challenged: true, createdAt: daysAgo(6), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" }),
  ],
  ["one closed stage (Admitted)", list({ stage: "ADMITTED" })],
  ["one closed stage, deep page", list({ stage: "ADMITTED" }, { urgent: false, createdAt: daysAgo(400), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" })],
  ["every stage", list({ stage: "all" })],
  ["every stage, deep page", list({ stage: "all" }, { urgent: false, createdAt: daysAgo(500), id: "ffffffff-ffff-ffff-ffff-ffffffffffff" })],
  ["mine", list({ assignee: "mine" })],
  ["unassigned", list({ assignee: "unassigned" })],
  ["a colleague's, every stage", list({ assignee: "seed-staff-2", stage: "all" })],
  ["urgent only", list({ urgency: "URGENT" })],
  ["Spanish speakers", list({ language: "es" })],
  ["referral source", list({ source: "EMPLOYER" })],
  ["date range, every stage", list({ stage: "all", from: isoDay(daysAgo(30)), to: isoDay(daysAgo(20)) })],
])("%s: indexes only", async (_name, run) => {
  expectIndexedOnly(await plansOf(run));
});

it.each([
  ["reference code", "K7Q3-M9TD"],
  ["phone", "(212) 555-0142"],
  ["email", "someone@example.org"],
  ["first name", "Maria"],
])("search by %s: indexes only", async (_name, term) => {
  expectIndexedOnly(await plansOf(() => searchInquiries({ term, staff: viewer })));
});

it("new-arrival count and the due-now list: indexes only", async () => {
  const where = buildInboxWhere({ filter: InboxFilterSchema.parse({}), viewerId: assigneeId, timeZone: ZONE });
  expectIndexedOnly(await plansOf(() => countNewInquiries({ where, since: daysAgo(0.01) })));
  expectIndexedOnly(await plansOf(() => listDueFollowUps({ now: new Date(), timeZone: ZONE })));
  expectIndexedOnly(await plansOf(() => listDueFollowUps({ now: new Date(), timeZone: ZONE, assigneeId })));
});
