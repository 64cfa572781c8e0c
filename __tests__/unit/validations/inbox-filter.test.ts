import { formatInboxCursor, InboxFilterSchema, inboxQuery } from "@/lib/validations/inbox-filter";
import { InboxSearchSchema } from "@/lib/validations/inbox-search";

const UUID = "3f2c1a9e-5b7d-4c8e-9f10-1a2b3c4d5e6f";

describe("InboxFilterSchema", () => {
  it("defaults to the open stages and nothing else", () => {
    expect(InboxFilterSchema.parse({})).toEqual({ stage: "open" });
  });

  it("reads every filter from the query string", () => {
    expect(
      InboxFilterSchema.parse({
        stage: "SCREENING_SCHEDULED",
        urgency: "URGENT",
        assignee: "mine",
        language: "es",
        source: "COURT_OR_PROBATION",
        from: "2026-11-01",
        to: "2026-11-26",
      }),
    ).toEqual({
      stage: "SCREENING_SCHEDULED",
      urgency: "URGENT",
      assignee: "mine",
      language: "es",
      source: "COURT_OR_PROBATION",
      from: "2026-11-01",
      to: "2026-11-26",
    });
    expect(InboxFilterSchema.parse({ stage: "all", assignee: "unassigned" })).toMatchObject({ stage: "all", assignee: "unassigned" });
    expect(InboxFilterSchema.parse({ assignee: "Xy7_abc-123" }).assignee).toBe("Xy7_abc-123");
  });

  it.each([
    ["stage", "CLOSED"],
    ["stage", "new"],
    ["urgency", "urgent"],
    ["assignee", "robert'); DROP TABLE"],
    ["language", "fr"],
    ["source", "friend or family"],
    ["from", "2026-13-01"],
    ["to", "yesterday"],
    ["after", "not-a-cursor"],
    ["after", `x1700000000000_${UUID}`],
  ])("drops a malformed %s (%j) instead of guessing", (key, value) => {
    const parsed = InboxFilterSchema.parse({ [key]: value });
    expect(parsed).toEqual({ stage: "open" });
  });

  it("ignores a parameter given twice and empty ones (a submitted form sends them)", () => {
    expect(InboxFilterSchema.parse({ urgency: ["URGENT", "ROUTINE"], language: "", stage: "" })).toEqual({ stage: "open" });
  });

  it("has no search field: a phone, email or name is never read from a URL", () => {
    expect(InboxFilterSchema.parse({ q: "212-555-0142" })).toEqual({ stage: "open" });
  });

  it("round-trips the keyset cursor through the query string", () => {
    const cursor = { urgent: false, challenged: false, createdAt: new Date("2026-11-26T14:05:06.789Z"), id: UUID };
    expect(formatInboxCursor(cursor)).toBe(`r${cursor.createdAt.getTime()}_${UUID}`);
    const query = inboxQuery(InboxFilterSchema.parse({ stage: "all", assignee: "mine" }), { after: cursor });
    const reparsed = InboxFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));
    expect(reparsed).toEqual({ stage: "all", assignee: "mine", after: cursor });
  });

  it("round-trips a cursor among inquiries submitted under challenge", () => {
    const cursor = { urgent: true, challenged: true, createdAt: new Date("2026-11-26T14:05:06.789Z"), id: UUID };
    expect(formatInboxCursor(cursor)).toBe(`uc${cursor.createdAt.getTime()}_${UUID}`);
    expect(InboxFilterSchema.parse({ after: formatInboxCursor(cursor) }).after).toEqual(cursor);
  });

  it("leaves defaults out of the query string", () => {
    expect(inboxQuery(InboxFilterSchema.parse({}))).toBe("");
    expect(inboxQuery(InboxFilterSchema.parse({ language: "es" }))).toBe("language=es");
  });
});

describe("InboxSearchSchema", () => {
  it("trims and normalises the term", () => {
    expect(InboxSearchSchema.parse({ q: "  Jose\u0301 " })).toEqual({ q: "José" });
  });

  it("refuses an empty or oversized term", () => {
    expect(InboxSearchSchema.safeParse({ q: "   " }).success).toBe(false);
    expect(InboxSearchSchema.safeParse({ q: "x".repeat(255) }).success).toBe(false);
    expect(InboxSearchSchema.safeParse({}).success).toBe(false);
  });
});
