import { ContactMethod, RequesterType } from "@/lib/db/generated/enums";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  HEARD_ABOUT,
  LANGUAGES,
  LIMITS,
  PERSON_AWARE_ANSWERS,
  REQUESTER_TYPES,
} from "@/lib/validations/inquiry-options";

describe("inquiry options", () => {
  it("match the data model's enums", () => {
    expect([...REQUESTER_TYPES].sort()).toEqual(Object.values(RequesterType).sort());
    expect([...CONTACT_METHODS].sort()).toEqual(Object.values(ContactMethod).sort());
  });

  it.each([
    ["REQUESTER_TYPES", REQUESTER_TYPES],
    ["PERSON_AWARE_ANSWERS", PERSON_AWARE_ANSWERS],
    ["CONTACT_METHODS", CONTACT_METHODS],
    ["BEST_TIMES", BEST_TIMES],
    ["LANGUAGES", LANGUAGES],
    ["HEARD_ABOUT", HEARD_ABOUT],
  ])("%s has distinct, non-empty values", (_name, values: readonly string[]) => {
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^[A-Za-z_]+$/);
  });

  it("has a consent text version that fits its column (VarChar(32)) and has no surrounding space", () => {
    expect(CONSENT_TEXT_VERSION.length).toBeGreaterThan(0);
    expect(CONSENT_TEXT_VERSION.length).toBeLessThanOrEqual(32);
    expect(CONSENT_TEXT_VERSION.trim()).toBe(CONSENT_TEXT_VERSION);
  });

  it("has positive integer limits, with the email limit of RFC 5321 (254)", () => {
    for (const limit of Object.values(LIMITS)) {
      expect(Number.isInteger(limit)).toBe(true);
      expect(limit).toBeGreaterThan(0);
    }
    expect(LIMITS.email).toBe(254);
  });
});
