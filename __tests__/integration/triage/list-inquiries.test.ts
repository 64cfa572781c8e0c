import type { StaffContext } from "@/lib/auth/require-staff";
import { disconnectDb } from "@/lib/db/client";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { countNewInquiries } from "@/lib/triage/inbox/count-new-inquiries";
import { listInquiries } from "@/lib/triage/inbox/list-inquiries";
import { InboxFilterSchema, inboxQuery, OPEN_STAGES, type InboxFilter } from "@/lib/validations/inbox-filter";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { addCoordinator, deleteAllInquiries, insertInquiry } from "@/__tests__/support/inbox-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

provideTestDatabase();
onTestDatabaseTeardown(() => disconnectDb());

const ZONE = "America/New_York";
const MINUTE = 60_000;
const base = Date.parse("2026-11-20T15:00:00Z");
const at = (minutes: number) => new Date(base + minutes * MINUTE);

let casey: StaffContext;
let robin: StaffContext;

beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
  casey = await addCoordinator("Casey");
  robin = await addCoordinator("Robin");
});

beforeEach(() => deleteAllInquiries());

const filter = (query: Record<string, string> = {}): InboxFilter => InboxFilterSchema.parse(query);

async function codes(query: Record<string, string> = {}, limit?: number): Promise<string[]> {
  const page = await listInquiries({ filter: filter(query), viewerId: casey.user.id, timeZone: ZONE, limit });
  return page.rows.map((row) => row.referenceCode);
}

describe("order", () => {
  it("lists urgent inquiries first, then the rest, each newest first; ties on time by id", async () => {
    const oldUrgent = await insertInquiry({ createdAt: at(0), urgency: "URGENT" });
    const newRoutine = await insertInquiry({ createdAt: at(30) });
    const newUrgent = await insertInquiry({ createdAt: at(20), urgency: "URGENT" });
    const oldRoutine = await insertInquiry({ createdAt: at(10) });
    const twinA = await insertInquiry({ createdAt: at(10) });
    const [first, second] = [oldRoutine, twinA].sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(await codes()).toEqual([newUrgent, oldUrgent, newRoutine, first, second].map((row) => row?.referenceCode));
  });

  it("lists what was submitted under challenge after everything else of the same urgency", async () => {
    const challengedUrgent = await insertInquiry({ createdAt: at(50), urgency: "URGENT", submittedUnderChallenge: true });
    const urgent = await insertInquiry({ createdAt: at(0), urgency: "URGENT" });
    const challengedRoutine = await insertInquiry({ createdAt: at(60), submittedUnderChallenge: true });
    const routine = await insertInquiry({ createdAt: at(1) });
    const olderChallengedRoutine = await insertInquiry({ createdAt: at(2), submittedUnderChallenge: true });
    const expected = [urgent, challengedUrgent, routine, challengedRoutine, olderChallengedRoutine].map((row) => row.referenceCode);
    expect(await codes()).toEqual(expected);
    expect(await codes({ stage: "all" })).toEqual(expected);
    const page = await listInquiries({ filter: filter(), viewerId: casey.user.id, timeZone: ZONE, limit: 5 });
    expect(page.rows.map((row) => row.submittedUnderChallenge)).toEqual([false, true, false, true, true]);
  });
});

describe("filters", () => {
  it("shows open stages by default; one stage, or all of them, on request; never anonymised ones", async () => {
    const fresh = await insertInquiry({ createdAt: at(4), status: "NEW" });
    const reached = await insertInquiry({ createdAt: at(3), status: "REACHED" });
    const admitted = await insertInquiry({ createdAt: at(2), status: "ADMITTED", closedAt: at(50) });
    const withdrew = await insertInquiry({ createdAt: at(1), status: "WITHDREW", closedAt: at(50) });
    await insertInquiry({ createdAt: at(0), status: "NOT_A_FIT", closedAt: at(50), anonymisedAt: at(60) });
    expect(await codes()).toEqual([fresh.referenceCode, reached.referenceCode]);
    expect(await codes({ stage: "ADMITTED" })).toEqual([admitted.referenceCode]);
    expect(await codes({ stage: "all" })).toEqual([fresh, reached, admitted, withdrew].map((row) => row.referenceCode));
  });

  it("filters by urgency, assignee (mine, nobody, a colleague), language and referral source", async () => {
    const mineUrgent = await insertInquiry({ createdAt: at(5), urgency: "URGENT", assigneeId: casey.user.id });
    const robins = await insertInquiry({ createdAt: at(4), assigneeId: robin.user.id, preferredLanguage: "es" });
    const nobodys = await insertInquiry({ createdAt: at(3), heardAbout: "EMPLOYER" });
    const mine = await insertInquiry({ createdAt: at(2), assigneeId: casey.user.id, heardAbout: "EMPLOYER", preferredLanguage: "es" });
    expect(await codes({ urgency: "URGENT" })).toEqual([mineUrgent.referenceCode]);
    expect(await codes({ urgency: "ROUTINE" })).toEqual([robins, nobodys, mine].map((row) => row.referenceCode));
    expect(await codes({ assignee: "mine" })).toEqual([mineUrgent, mine].map((row) => row.referenceCode));
    expect(await codes({ assignee: "unassigned" })).toEqual([nobodys.referenceCode]);
    expect(await codes({ assignee: robin.user.id })).toEqual([robins.referenceCode]);
    expect(await codes({ language: "es" })).toEqual([robins, mine].map((row) => row.referenceCode));
    expect(await codes({ source: "EMPLOYER" })).toEqual([nobodys, mine].map((row) => row.referenceCode));
    expect(await codes({ source: "EMPLOYER", language: "es", assignee: "mine" })).toEqual([mine.referenceCode]);
  });

  it("reads the date range as the clinic's calendar days, both ends included", async () => {
    // 04:30 UTC on the 21st is still the 20th in New York (UTC-5).
    const lateOn20th = await insertInquiry({ createdAt: new Date("2026-11-21T04:30:00Z") });
    const earlyOn21st = await insertInquiry({ createdAt: new Date("2026-11-21T05:30:00Z") });
    const on22nd = await insertInquiry({ createdAt: new Date("2026-11-23T04:59:59Z") });
    await insertInquiry({ createdAt: new Date("2026-11-23T05:00:00Z") });
    expect(await codes({ to: "2026-11-20" })).toEqual([lateOn20th.referenceCode]);
    expect(await codes({ from: "2026-11-21", to: "2026-11-22" })).toEqual([on22nd, earlyOn21st].map((row) => row.referenceCode));
  });
});

describe("keyset pagination", () => {
  it("walks every row exactly once across all four segments and all open stages, whatever the page size", async () => {
    for (let i = 0; i < 17; i += 1) {
      await insertInquiry({
        createdAt: at(i % 4),
        urgency: i % 3 === 0 ? "URGENT" : "ROUTINE",
        status: OPEN_STAGES[i % OPEN_STAGES.length],
        submittedUnderChallenge: i % 5 < 2,
      });
    }
    const everything = await codes({}, 100);
    expect(everything).toEqual(await codes({ stage: "all" }, 100));
    for (const size of [1, 2, 3, 5]) {
      const seen: string[] = [];
      let after: InboxFilter["after"];
      for (let guard = 0; guard < 20; guard += 1) {
        const page = await listInquiries({ filter: { ...filter(), after }, viewerId: casey.user.id, timeZone: ZONE, limit: size });
        seen.push(...page.rows.map((row) => row.referenceCode));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen).toEqual(everything);
    }
  });

  it("stays stable while inquiries arrive between pages: nothing repeats, nothing is skipped", async () => {
    for (let i = 0; i < 6; i += 1) await insertInquiry({ createdAt: at(i), urgency: i < 2 ? "URGENT" : "ROUTINE" });
    const before = await codes({}, 100);
    const first = await listInquiries({ filter: filter(), viewerId: casey.user.id, timeZone: ZONE, limit: 3 });
    await insertInquiry({ createdAt: at(100), urgency: "URGENT" });
    await insertInquiry({ createdAt: at(101) });
    const second = await listInquiries({ filter: { ...filter(), after: first.next ?? undefined }, viewerId: casey.user.id, timeZone: ZONE, limit: 10 });
    expect([...first.rows, ...second.rows].map((row) => row.referenceCode)).toEqual(before);
  });

  it("the cursor survives the query string, in either part of a segment", async () => {
    for (let i = 0; i < 4; i += 1) await insertInquiry({ createdAt: at(i), submittedUnderChallenge: i < 2 });
    const marks: boolean[] = [];
    for (const limit of [1, 2, 3]) {
      const first = await listInquiries({ filter: filter(), viewerId: casey.user.id, timeZone: ZONE, limit });
      if (!first.next) throw new Error("expected a next page");
      marks.push(first.next.challenged === true);
      const reparsed = InboxFilterSchema.parse(Object.fromEntries(new URLSearchParams(inboxQuery(filter(), { after: first.next }))));
      expect(reparsed.after).toEqual(first.next);
    }
    expect(marks).toEqual([false, false, true]);
  });
});

describe("new arrivals (live refresh)", () => {
  it("counts only inquiries in the same view that arrived after the page was drawn", async () => {
    await insertInquiry({ createdAt: at(0), urgency: "URGENT" });
    await insertInquiry({ createdAt: at(11), urgency: "URGENT" });
    await insertInquiry({ createdAt: at(12) });
    await insertInquiry({ createdAt: at(13), assigneeId: robin.user.id });
    await insertInquiry({ createdAt: at(14), status: "ADMITTED" });
    const where = (query: Record<string, string>) => buildInboxWhere({ filter: filter(query), viewerId: casey.user.id, timeZone: ZONE });
    expect(await countNewInquiries({ where: where({}), since: at(10) })).toEqual({ total: 3, urgent: 1 });
    expect(await countNewInquiries({ where: where({ assignee: "unassigned" }), since: at(10) })).toEqual({ total: 2, urgent: 1 });
    expect(await countNewInquiries({ where: where({}), since: at(13) })).toEqual({ total: 0, urgent: 0 });
  });
});
