import { codesAt, parseOk, validSelfInquiry } from "@/__tests__/unit/fixtures/inquiry";

// The optional insurance step (issue 12) in the one inquiry schema.
describe("InquirySchema insurance answers", () => {
  it("accepts an inquiry without any insurance answer", () => {
    const parsed = parseOk(validSelfInquiry());
    expect(parsed.insuranceKind).toBeUndefined();
    expect(parsed.insuranceMemberId).toBeUndefined();
  });

  it("keeps a listed payer, member id and policy holder answer", () => {
    const parsed = parseOk(validSelfInquiry({ insuranceKind: "PRIVATE", insurancePayer: "AETNA", insuranceMemberId: " W123-456 ", insurancePolicyHolder: "YES" }));
    expect(parsed).toMatchObject({ insuranceKind: "PRIVATE", insurancePayer: "AETNA", insuranceMemberId: "W123-456", insurancePolicyHolder: "YES" });
  });

  it("refuses a payer that is not a code", () => {
    expect(codesAt(validSelfInquiry({ insuranceKind: "PRIVATE", insurancePayer: "aetna; drop" }), "insurancePayer")).toEqual(["insurancePayer.invalid"]);
  });

  it("asks for the name of an 'other' payer, and keeps it only with 'other'", () => {
    expect(codesAt(validSelfInquiry({ insuranceKind: "PRIVATE", insurancePayer: "OTHER" }), "insurancePayerOther")).toEqual(["insurancePayerOther.required"]);
    expect(parseOk(validSelfInquiry({ insuranceKind: "PRIVATE", insurancePayer: "OTHER", insurancePayerOther: "Local Plan" })).insurancePayerOther).toBe("Local Plan");
    expect(parseOk(validSelfInquiry({ insuranceKind: "PRIVATE", insurancePayer: "CIGNA", insurancePayerOther: "Local Plan" })).insurancePayerOther).toBeUndefined();
  });

  it("refuses a member id with characters no card has", () => {
    expect(codesAt(validSelfInquiry({ insuranceKind: "MEDICAID", insuranceMemberId: "12<script>" }), "insuranceMemberId")).toEqual(["insuranceMemberId.invalid"]);
  });

  it("drops every detail for 'no insurance'", () => {
    const parsed = parseOk(validSelfInquiry({ insuranceKind: "NONE", insurancePayer: "AETNA", insuranceMemberId: "W1", insurancePolicyHolder: "NO" }));
    expect([parsed.insuranceKind, parsed.insurancePayer, parsed.insuranceMemberId, parsed.insurancePolicyHolder]).toEqual(["NONE", undefined, undefined, undefined]);
  });

  it("keeps details given without a kind, as 'not sure'", () => {
    const parsed = parseOk(validSelfInquiry({ insurancePayer: "AETNA", insuranceMemberId: "W1" }));
    expect(parsed).toMatchObject({ insuranceKind: "UNSURE", insurancePayer: "AETNA", insuranceMemberId: "W1" });
    expect(codesAt(validSelfInquiry({ insurancePayer: "OTHER" }), "insurancePayerOther")).toEqual(["insurancePayerOther.required"]);
  });

  it("refuses an unknown kind", () => {
    expect(codesAt(validSelfInquiry({ insuranceKind: "GOLD" }), "insuranceKind")).toEqual(["insuranceKind.invalid"]);
  });
});
