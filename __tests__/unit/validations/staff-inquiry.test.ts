import { validSelfInquiry } from "@/__tests__/unit/fixtures/inquiry";
import { InquirySchema, staffInquirySchema } from "@/lib/validations/inquiry";
import { staffInquiryMessage } from "@/lib/validations/staff-inquiry-messages";

// Issue 12: the staff form's schema is the public one plus the staff-only
// fields; the public schema never accepts them (nobody on the web can
// backdate an inquiry or claim a channel).
const now = new Date("2026-12-06T15:00:00Z"); // 10:00 in New York (EST)
const schema = staffInquirySchema({ timeZone: "America/New_York", now });
const call = (overrides: Record<string, unknown> = {}) => ({ ...validSelfInquiry(), channel: "PHONE", receivedAt: "2026-12-06T09:15", ...overrides });
const codes = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

it("reads the time of first contact on the clinic's clocks, and defaults it to now", () => {
  expect(schema.parse(call()).receivedAt).toEqual(new Date("2026-12-06T14:15:00Z"));
  expect(schema.parse(call({ receivedAt: "" })).receivedAt).toEqual(now);
  expect(schema.parse(call({ receivedAt: undefined })).receivedAt).toEqual(now);
  // Before the clocks went back (EDT, UTC-4).
  const november = staffInquirySchema({ timeZone: "America/New_York", now: new Date("2026-11-10T15:00:00Z") });
  expect(november.parse(call({ receivedAt: "2026-11-01T00:30" })).receivedAt).toEqual(new Date("2026-11-01T04:30:00Z"));
  expect(november.parse(call({ receivedAt: "2026-11-02T00:30" })).receivedAt).toEqual(new Date("2026-11-02T05:30:00Z"));
});

it("refuses a time later than now, older than 30 days, or not a time at all", () => {
  expect(codes(call({ receivedAt: "2026-12-06T10:01" }))).toEqual({ receivedAt: "receivedAt.future" });
  expect(codes(call({ receivedAt: "2026-11-06T09:59" }))).toEqual({ receivedAt: "receivedAt.tooOld" });
  expect(codes(call({ receivedAt: "2026-11-06T10:00" }))).toEqual({});
  expect(codes(call({ receivedAt: "2026-02-30T10:00" }))).toEqual({ receivedAt: "receivedAt.invalid" });
  expect(codes(call({ receivedAt: "yesterday" }))).toEqual({ receivedAt: "receivedAt.invalid" });
});

it("takes a staff channel only, and keeps the public form's rules", () => {
  expect(codes(call({ channel: "WEB" }))).toEqual({ channel: "channel.required" });
  expect(codes(call({ channel: undefined }))).toEqual({ channel: "channel.required" });
  expect(codes(call({ phone: undefined, email: undefined, preferredContactMethod: "PHONE" }))).toMatchObject({ phone: expect.any(String), email: "contact.phoneOrEmail" });
  expect(codes(call({ consent: false }))).toEqual({ consent: "consent.required" });
  expect(codes(call({ referringOrganisation: "x".repeat(121) }))).toEqual({ referringOrganisation: "referringOrganisation.tooLong" });
});

it("the public schema refuses the staff-only fields", () => {
  for (const field of ["channel", "receivedAt", "referringOrganisation"]) {
    expect(InquirySchema.safeParse({ ...validSelfInquiry(), [field]: "PHONE" }).success).toBe(false);
  }
});

it("words every staff-only code for coordinators, and falls back to the public wording", () => {
  for (const code of ["channel.required", "receivedAt.invalid", "receivedAt.future", "receivedAt.tooOld", "referringOrganisation.tooLong"]) {
    expect(staffInquiryMessage(code)).toMatch(/^[A-Z].+\.$/);
  }
  expect(staffInquiryMessage("firstName.required")).toBe("Enter a first name or a nickname.");
});
