import { parseOk, validReferralInquiry } from "@/__tests__/unit/fixtures/inquiry";
import { generateReferenceCode } from "@/lib/inquiries/reference-code";
import { newInquiryEmail } from "@/lib/notifications/templates/new-inquiry-email";

const STAFF_URL = "https://help.example.org/staff";
const CLINICAL_WORDS = ["addiction", "substance", "rehab", "treatment", "IOP", "drug", "alcohol", "recovery", "detox", "overdose", "withdrawal", "opioid"];
const REQUESTER_WORDS = ["self", "myself", "loved one", "someone else", "professional", "referr", "family", "client"];

function email(urgent: boolean, referenceCode = "K7Q3-W9XA") {
  return newInquiryEmail({ referenceCode, urgent, staffUrl: STAFF_URL });
}

describe("newInquiryEmail", () => {
  it.each([false, true])("names the reference code in subject and body (urgent: %s)", (urgent) => {
    const { subject, text } = email(urgent);
    expect(subject).toContain("K7Q3-W9XA");
    expect(text).toContain("K7Q3-W9XA");
  });

  it("links to the staff sign-in", () => {
    expect(email(false).text).toContain(`Sign in to view it: ${STAFF_URL}`);
  });

  it("flags an urgent inquiry in the subject and the body", () => {
    const { subject, text } = email(true);
    expect(subject).toMatch(/^\[Urgent\] /);
    expect(text).toMatch(/URGENT/);
  });

  it("does not mention urgency for a routine inquiry", () => {
    const { subject, text } = email(false);
    expect(subject).toBe("New intake request K7Q3-W9XA");
    expect(`${subject}\n${text}`).not.toMatch(/urgent/i);
  });

  it.each([false, true])("has no empty lines in a row, at the start or at the end (urgent: %s)", (urgent) => {
    const { text } = email(urgent);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.startsWith("\n")).toBe(false);
    expect(text.endsWith("\n")).toBe(false);
    expect(text.split("\n").filter((line) => line === "")).toHaveLength(2);
  });

  describe("confidentiality", () => {
    it.each([false, true])("names no clinical focus in subject or body (urgent: %s)", (urgent) => {
      for (let i = 0; i < 200; i += 1) {
        const { subject, text } = email(urgent, generateReferenceCode());
        for (const word of CLINICAL_WORDS) {
          expect(subject.toLowerCase()).not.toContain(word.toLowerCase());
          expect(text.toLowerCase()).not.toContain(word.toLowerCase());
        }
      }
    });

    it("does not say who asked, or for whom", () => {
      for (const urgent of [false, true]) {
        const { subject, text } = email(urgent);
        for (const word of REQUESTER_WORDS) expect(`${subject}\n${text}`.toLowerCase()).not.toContain(word);
      }
    });

    it("carries no personal value of the inquiry it announces", () => {
      const raw = validReferralInquiry({
        firstName: "Marisol",
        referrerName: "Bartholomew",
        referrerRelationship: "stepfather",
        email: "marisol.q@example.net",
        phone: "(917) 555-0199",
        message: "She has been using fentanyl",
        inCrisis: true,
      });
      const inquiry = parseOk(raw);
      // Built exactly as deliverNotification builds it: from the reference code and urgency only.
      const { subject, text } = newInquiryEmail({ referenceCode: "K7Q3-W9XA", urgent: inquiry.inCrisis, staffUrl: STAFF_URL });
      const everything = `${subject}\n${text}`.toLowerCase();
      const personal = [
        inquiry.firstName,
        inquiry.referrerName,
        inquiry.referrerRelationship,
        inquiry.email,
        inquiry.phone,
        "917",
        "555-0199",
        "5550199",
        "marisol",
        "fentanyl",
        "example.net",
      ];
      for (const value of personal) expect(everything).not.toContain(String(value).toLowerCase());
    });

    it("depends only on its three inputs", () => {
      expect(email(true)).toEqual(email(true));
      expect(Object.keys(email(false)).sort()).toEqual(["subject", "text"]);
    });
  });
});
