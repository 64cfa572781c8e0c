import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";
import { InquirySchema } from "@/lib/validations/inquiry";
import { ENVELOPE_FIELDS, inquiryFromFormData } from "@/lib/validations/inquiry-form-data";

const BOOLEAN_FIELDS = ["inCrisis", "okToLeaveVoicemail", "okToText", "okToNameProgramme", "consent"];

function formData(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

// What React posts alongside the fields when a server action form is submitted
// before hydration (progressive enhancement).
const ACTION_ENTRIES: [string, string][] = [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", '{"id":"7f3a9c","bound":"$@1"}'],
  ["$ACTION_1:1", '[{"status":"idle"}]'],
  ["$ACTION_KEY", "k1234567890"],
  ["$ACTION_ID_7f3a9c", ""],
];

describe("inquiryFromFormData", () => {
  it("reads ticked checkboxes ('on') as true and absent ones as false", () => {
    const input = inquiryFromFormData(formData([["inCrisis", "on"], ["okToText", "on"]]));
    expect(input).toEqual({ inCrisis: true, okToText: true, okToLeaveVoicemail: false, okToNameProgramme: false, consent: false });
  });

  it("reads every boolean field as false when the form has none of them", () => {
    const input = inquiryFromFormData(new FormData());
    expect(input).toEqual(Object.fromEntries(BOOLEAN_FIELDS.map((field) => [field, false])));
  });

  it.each(BOOLEAN_FIELDS)("reads %s='on' and %s='true' as true, anything else as false", (field) => {
    expect(inquiryFromFormData(formData([[field, "on"]]))[field]).toBe(true);
    expect(inquiryFromFormData(formData([[field, "true"]]))[field]).toBe(true);
    for (const value of ["", "off", "false", "yes", "ON"]) {
      expect(inquiryFromFormData(formData([[field, value]]))[field]).toBe(false);
    }
  });

  it("collects a repeated bestTimes into an array, in order", () => {
    const input = inquiryFromFormData(formData([["bestTimes", "MORNING"], ["bestTimes", "EVENING"]]));
    expect(input.bestTimes).toEqual(["MORNING", "EVENING"]);
  });

  it("makes a single bestTimes an array of one, and leaves bestTimes out when nothing is ticked", () => {
    expect(inquiryFromFormData(formData([["bestTimes", "AFTERNOON"]])).bestTimes).toEqual(["AFTERNOON"]);
    expect(inquiryFromFormData(new FormData())).not.toHaveProperty("bestTimes");
  });

  it("drops empty text answers", () => {
    const input = inquiryFromFormData(formData([["email", ""], ["message", ""], ["heardAbout", ""], ["firstName", "Sam"]]));
    expect(input).not.toHaveProperty("email");
    expect(input).not.toHaveProperty("message");
    expect(input).not.toHaveProperty("heardAbout");
    expect(input.firstName).toBe("Sam");
  });

  it("keeps text exactly as posted (trimming is the schema's job)", () => {
    expect(inquiryFromFormData(formData([["firstName", "  Sam \n"]])).firstName).toBe("  Sam \n");
  });

  it("leaves out the envelope fields", () => {
    expect([...ENVELOPE_FIELDS].sort()).toEqual(["altcha", "formToken", "locale", "website"]);
    const input = inquiryFromFormData(formData([["formToken", "1.abc.def"], ["website", "http://spam.example"], ["altcha", "eyJ9"], ["firstName", "Sam"]]));
    expect(input).not.toHaveProperty("altcha");
    expect(input).not.toHaveProperty("formToken");
    expect(input).not.toHaveProperty("website");
    expect(input.firstName).toBe("Sam");
  });

  it("leaves out React's $ACTION_* fields", () => {
    const input = inquiryFromFormData(formData([...ACTION_ENTRIES, ["firstName", "Sam"]]));
    expect(Object.keys(input).filter((key) => key.startsWith("$"))).toEqual([]);
    expect(input.firstName).toBe("Sam");
  });

  it("passes unknown fields through, so the schema can reject them", () => {
    const input = inquiryFromFormData(formData([["isAdmin", "true"], ["status", "ADMITTED"]]));
    expect(input.isAdmin).toBe("true");
    expect(input.status).toBe("ADMITTED");
  });

  it("turns a repeated single-value field into an array, so the schema rejects it", () => {
    const input = inquiryFromFormData(formData([["firstName", "Sam"], ["firstName", "Alex"]]));
    expect(input.firstName).toEqual(["Sam", "Alex"]);
  });

  it("never lets a file upload through as data", () => {
    const input = inquiryFromFormData(formData([["message", new Blob(["secret"], { type: "text/plain" })], ["consent", new Blob(["on"])]]));
    expect(input).not.toHaveProperty("message");
    expect(input.consent).toBe(false);
  });
});

describe("a form posted without JavaScript", () => {
  // Every control of the rendered form, as a browser serialises it: text boxes
  // and the select always post (maybe ""), ticked checkboxes post "on", radio
  // groups post only when chosen; the referral section is always rendered.
  const RENDERED_DEFAULTS: [string, string][] = [
    ...ACTION_ENTRIES,
    ["formToken", "1767225600000.bm9uY2U.bWFj"],
    ["website", ""],
    ["firstName", ""],
    ["referrerName", ""],
    ["referrerRelationship", ""],
    ["phone", ""],
    ["email", ""],
    ["preferredLanguage", "en"],
    ["heardAbout", ""],
    ["message", ""],
    ["consentTextVersion", CONSENT_TEXT_VERSION],
  ];

  function browserPost(fields: [string, string][]): FormData {
    const answered = new Set(fields.map(([key]) => key));
    return formData([...RENDERED_DEFAULTS.filter(([key]) => !answered.has(key)), ...fields]);
  }

  it("parses a person asking for themselves", () => {
    const data = browserPost([
      ["requesterType", "SELF"],
      ["firstName", "Sam"],
      ["phone", "(212) 555-0142"],
      ["preferredContactMethod", "TEXT"],
      ["bestTimes", "MORNING"],
      ["bestTimes", "EVENING"],
      ["okToText", "on"],
      ["consent", "on"],
    ]);
    const result = InquirySchema.safeParse(inquiryFromFormData(data));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toEqual({
      requesterType: "SELF",
      inCrisis: false,
      firstName: "Sam",
      referrerName: undefined,
      referrerRelationship: undefined,
      personAware: undefined,
      phone: "+12125550142",
      email: undefined,
      preferredContactMethod: "TEXT",
      bestTimes: ["MORNING", "EVENING"],
      okToLeaveVoicemail: false,
      okToText: true,
      okToNameProgramme: false,
      preferredLanguage: "en",
      message: undefined,
      heardAbout: undefined,
      consent: true,
      consentTextVersion: CONSENT_TEXT_VERSION,
    });
  });

  it("parses a loved one's referral in crisis", () => {
    const data = browserPost([
      ["requesterType", "LOVED_ONE"],
      ["inCrisis", "on"],
      ["firstName", "Jo"],
      ["referrerName", "Alex"],
      ["referrerRelationship", "brother"],
      ["personAware", "NOT_SURE"],
      ["email", "Alex@Example.org"],
      ["preferredContactMethod", "EMAIL"],
      ["preferredLanguage", "es"],
      ["heardAbout", "FRIEND_OR_FAMILY"],
      ["message", "Please call after 6.\r\nThanks"],
      ["consent", "on"],
    ]);
    const result = InquirySchema.safeParse(inquiryFromFormData(data));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toMatchObject({
      requesterType: "LOVED_ONE",
      inCrisis: true,
      referrerName: "Alex",
      referrerRelationship: "brother",
      personAware: "NOT_SURE",
      email: "alex@example.org",
      bestTimes: [],
      preferredLanguage: "es",
      heardAbout: "FRIEND_OR_FAMILY",
      message: "Please call after 6.\r\nThanks",
    });
    expect(result.data?.phone).toBeUndefined();
  });

  it("reports missing consent and untouched radio groups as field errors, not as unknown keys", () => {
    const data = browserPost([["firstName", "Sam"], ["phone", "212-555-0142"]]);
    const result = InquirySchema.safeParse(inquiryFromFormData(data));
    const issues = (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["requesterType", "requesterType.required"],
        ["preferredContactMethod", "preferredContactMethod.required"],
        ["consent", "consent.required"],
      ]),
    );
    expect(issues.filter(([path]) => path === "")).toEqual([]);
  });

  it("rejects an extra field added to the form", () => {
    const data = browserPost([
      ["requesterType", "SELF"],
      ["firstName", "Sam"],
      ["phone", "212-555-0142"],
      ["preferredContactMethod", "PHONE"],
      ["consent", "on"],
      ["status", "ADMITTED"],
    ]);
    const result = InquirySchema.safeParse(inquiryFromFormData(data));
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["status"] })]);
  });
});
