import { codesAt, issuesOf, parseOk, validReferralInquiry, validSelfInquiry, without } from "@/__tests__/unit/fixtures/inquiry";
import { InquirySchema } from "@/lib/validations/inquiry";
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

const REFERRAL_TYPES = REQUESTER_TYPES.filter((t) => t !== "SELF");

// Characters the text fields must refuse: C0 and C1 controls (other than tab and
// line breaks, tested separately) and the bidirectional embedding, override and
// isolate controls used in "Trojan Source" spoofing.
const CONTROL_CHARACTERS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u000E", "\u001B", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F"];
const BIDI_CONTROLS = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

// Text fields and the inquiry they can be set on without tripping another rule.
const TEXT_FIELDS = [
  { field: "firstName", max: LIMITS.firstName, base: validSelfInquiry },
  { field: "referrerName", max: LIMITS.referrerName, base: validReferralInquiry },
  { field: "referrerRelationship", max: LIMITS.referrerRelationship, base: validReferralInquiry },
  { field: "message", max: LIMITS.message, base: validSelfInquiry },
] as const;
const SINGLE_LINE_FIELDS = TEXT_FIELDS.filter((f) => f.field !== "message");

describe("InquirySchema: a valid inquiry", () => {
  it("parses a minimal self inquiry and fills the defaults", () => {
    const inquiry = parseOk(validSelfInquiry());
    expect(inquiry).toEqual({
      requesterType: "SELF",
      inCrisis: false,
      firstName: "Sam",
      referrerName: undefined,
      referrerRelationship: undefined,
      personAware: undefined,
      phone: "+12125550142",
      email: undefined,
      preferredContactMethod: "PHONE",
      bestTimes: [],
      okToLeaveVoicemail: false,
      okToText: false,
      okToNameProgramme: false,
      preferredLanguage: "en",
      message: undefined,
      heardAbout: undefined,
      consent: true,
      consentTextVersion: CONSENT_TEXT_VERSION,
    });
  });

  it("keeps every optional answer a person gave", () => {
    const inquiry = parseOk(
      validReferralInquiry({
        requesterType: "PROFESSIONAL",
        inCrisis: true,
        email: "care@example.org",
        preferredContactMethod: "TEXT",
        bestTimes: ["EVENING", "MORNING"],
        okToLeaveVoicemail: true,
        okToText: true,
        okToNameProgramme: true,
        preferredLanguage: "es",
        message: "Line one\nLine two",
        heardAbout: "COURT_OR_PROBATION",
        personAware: "NOT_SURE",
      }),
    );
    expect(inquiry).toMatchObject({
      requesterType: "PROFESSIONAL",
      inCrisis: true,
      referrerName: "Alex",
      referrerRelationship: "sister",
      personAware: "NOT_SURE",
      phone: "+12125550142",
      email: "care@example.org",
      preferredContactMethod: "TEXT",
      bestTimes: ["EVENING", "MORNING"],
      okToLeaveVoicemail: true,
      okToText: true,
      okToNameProgramme: true,
      preferredLanguage: "es",
      message: "Line one\nLine two",
      heardAbout: "COURT_OR_PROBATION",
    });
  });

  it("does not mutate the input object", () => {
    const input = validSelfInquiry({ firstName: "  Sam  ", email: "A@Example.org" });
    const snapshot = structuredClone(input);
    parseOk(input);
    expect(input).toEqual(snapshot);
  });
});

describe("InquirySchema: requesterType", () => {
  it.each(REQUESTER_TYPES)("accepts %s", (requesterType) => {
    expect(parseOk(validReferralInquiry({ requesterType })).requesterType).toBe(requesterType);
  });

  it.each([["missing", undefined], ["lower case", "self"], ["unknown", "FRIEND"], ["empty", ""], ["number", 1]])(
    "rejects %s with requesterType.required",
    (_label, requesterType) => {
      const input = requesterType === undefined ? without(validSelfInquiry(), "requesterType") : validSelfInquiry({ requesterType });
      expect(codesAt(input, "requesterType")).toEqual(["requesterType.required"]);
    },
  );
});

describe("InquirySchema: asking for someone else", () => {
  describe.each(REFERRAL_TYPES)("%s", (requesterType) => {
    it("requires the referrer's name", () => {
      expect(codesAt(without(validReferralInquiry({ requesterType }), "referrerName"), "referrerName")).toEqual(["referrerName.required"]);
    });

    it.each(["", "   ", "\n"])("treats referrerName %j as not given", (referrerName) => {
      expect(codesAt(validReferralInquiry({ requesterType, referrerName }), "referrerName")).toEqual(["referrerName.required"]);
    });

    it("requires the relationship", () => {
      expect(codesAt(without(validReferralInquiry({ requesterType }), "referrerRelationship"), "referrerRelationship")).toEqual([
        "referrerRelationship.required",
      ]);
      expect(codesAt(validReferralInquiry({ requesterType, referrerRelationship: "  " }), "referrerRelationship")).toEqual([
        "referrerRelationship.required",
      ]);
    });

    it("requires whether the person is aware", () => {
      expect(codesAt(without(validReferralInquiry({ requesterType }), "personAware"), "personAware")).toEqual(["personAware.required"]);
    });

    it("reports all three missing referral answers at once, at their own paths", () => {
      const input = without(validReferralInquiry({ requesterType }), "referrerName", "referrerRelationship", "personAware");
      expect(issuesOf(input)).toEqual([
        { path: "referrerName", message: "referrerName.required" },
        { path: "referrerRelationship", message: "referrerRelationship.required" },
        { path: "personAware", message: "personAware.required" },
      ]);
    });

    it("keeps the referral answers", () => {
      const inquiry = parseOk(validReferralInquiry({ requesterType, referrerName: " Alex ", personAware: "NO" }));
      expect(inquiry).toMatchObject({ requesterType, referrerName: "Alex", referrerRelationship: "sister", personAware: "NO" });
    });
  });

  it.each(PERSON_AWARE_ANSWERS)("accepts personAware %s", (personAware) => {
    expect(parseOk(validReferralInquiry({ personAware })).personAware).toBe(personAware);
  });

  it.each(["MAYBE", "yes", "", 1, true])("rejects personAware %j", (personAware) => {
    expect(codesAt(validReferralInquiry({ personAware }), "personAware")).toEqual(["personAware.required"]);
  });
});

describe("InquirySchema: asking for oneself", () => {
  it("does not require any referral answer", () => {
    const inquiry = parseOk(validSelfInquiry());
    expect(inquiry.referrerName).toBeUndefined();
  });

  it("drops referral answers left over from switching back to SELF", () => {
    const inquiry = parseOk(validSelfInquiry({ referrerName: "Alex", referrerRelationship: "sister", personAware: "YES" }));
    expect(inquiry.requesterType).toBe("SELF");
    expect(inquiry.referrerName).toBeUndefined();
    expect(inquiry.referrerRelationship).toBeUndefined();
    expect(inquiry.personAware).toBeUndefined();
    expect(JSON.stringify(inquiry)).not.toContain("Alex");
    expect(JSON.stringify(inquiry)).not.toContain("sister");
  });
});

describe("InquirySchema: how to reach the person", () => {
  it("requires a phone number or an email, reported on both fields", () => {
    const input = without(validSelfInquiry({ preferredContactMethod: "EMAIL" }), "phone");
    expect(codesAt(input, "phone")).toEqual(["contact.phoneOrEmail"]);
    // One message per field: the first rule that applies speaks for it.
    expect(codesAt(input, "email")).toEqual(["contact.phoneOrEmail"]);
  });

  it.each([["empty", ""], ["blank", "   "]])("treats %s phone and email as not given", (_label, blank) => {
    const input = validSelfInquiry({ phone: blank, email: blank });
    expect(codesAt(input, "phone")).toContain("contact.phoneOrEmail");
    expect(codesAt(input, "email")).toContain("contact.phoneOrEmail");
  });

  it("accepts an email without a phone when email is the preferred method", () => {
    const inquiry = parseOk(without(validSelfInquiry({ email: "sam@example.org", preferredContactMethod: "EMAIL" }), "phone"));
    expect(inquiry.phone).toBeUndefined();
    expect(inquiry.email).toBe("sam@example.org");
  });

  it("accepts a phone without an email when phone is the preferred method", () => {
    const inquiry = parseOk(validSelfInquiry({ email: "" }));
    expect(inquiry.email).toBeUndefined();
    expect(inquiry.phone).toBe("+12125550142");
  });

  it.each(CONTACT_METHODS)("accepts preferredContactMethod %s when its channel is given", (preferredContactMethod) => {
    const inquiry = parseOk(validSelfInquiry({ preferredContactMethod, email: "sam@example.org", okToText: true }));
    expect(inquiry.preferredContactMethod).toBe(preferredContactMethod);
  });

  it.each([["missing", undefined], ["unknown", "FAX"], ["lower case", "phone"], ["empty", ""]])(
    "rejects a %s preferredContactMethod",
    (_label, preferredContactMethod) => {
      const input =
        preferredContactMethod === undefined
          ? without(validSelfInquiry(), "preferredContactMethod")
          : validSelfInquiry({ preferredContactMethod });
      expect(codesAt(input, "preferredContactMethod")).toEqual(["preferredContactMethod.required"]);
    },
  );

  it("EMAIL needs an email address", () => {
    const input = validSelfInquiry({ preferredContactMethod: "EMAIL" });
    expect(issuesOf(input)).toEqual([{ path: "email", message: "preferredContactMethod.needsEmail" }]);
  });

  it.each(["PHONE", "TEXT"])("%s needs a phone number", (preferredContactMethod) => {
    const input = without(validSelfInquiry({ preferredContactMethod, email: "sam@example.org", okToText: true }), "phone");
    expect(issuesOf(input)).toEqual([{ path: "phone", message: "preferredContactMethod.needsPhone" }]);
  });

  it("TEXT needs permission to text", () => {
    expect(issuesOf(validSelfInquiry({ preferredContactMethod: "TEXT" }))).toEqual([
      { path: "okToText", message: "okToText.requiredForText" },
    ]);
    expect(issuesOf(validSelfInquiry({ preferredContactMethod: "TEXT", okToText: false }))).toEqual([
      { path: "okToText", message: "okToText.requiredForText" },
    ]);
    expect(parseOk(validSelfInquiry({ preferredContactMethod: "TEXT", okToText: true })).okToText).toBe(true);
  });

  it("reports missing contact details in the same round as other mistakes", () => {
    // One submission should list every problem: without JavaScript each round is a full page post.
    const input = without(validSelfInquiry({ consent: false }), "phone");
    expect(codesAt(input, "consent")).toEqual(["consent.required"]);
    expect(codesAt(input, "phone")).toContain("contact.phoneOrEmail");
  });

  it("PHONE and EMAIL do not need permission to text", () => {
    expect(parseOk(validSelfInquiry({ preferredContactMethod: "PHONE", okToText: false })).okToText).toBe(false);
    expect(parseOk(validSelfInquiry({ preferredContactMethod: "EMAIL", email: "sam@example.org" })).okToText).toBe(false);
  });
});

describe("InquirySchema: phone", () => {
  it.each([
    ["(212) 555-0142", "+12125550142"],
    ["212.555.0142", "+12125550142"],
    ["212-555-0142", "+12125550142"],
    ["2125550142", "+12125550142"],
    ["+1 212 555 0142", "+12125550142"],
    ["1-212-555-0142", "+12125550142"],
    ["  +1 (212) 555-0142  ", "+12125550142"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+49 30 901820", "+4930901820"],
  ])("normalises %j to %s", (phone, expected) => {
    expect(parseOk(validSelfInquiry({ phone })).phone).toBe(expected);
  });

  it.each([
    ["area code starting with 0", "012-555-0142"],
    ["area code starting with 1", "112-555-0142"],
    ["exchange starting with 0", "212-055-0142"],
    ["exchange starting with 1", "212-155-0142"],
    ["letters", "212-555-CALL"],
    ["an extension", "212-555-0142 x12"],
    ["too short", "555-0142"],
    ["one digit short", "212-555-014"],
    ["too long", "212-555-01423"],
    ["11 digits not starting with 1", "22125550142"],
    ["a country code of 0", "+0 20 7946 0958"],
    ["international too short", "+44 1234"],
    ["international too long", "+44 20 7946 0958 12345"],
    ["+1 with a bad area code", "+1 012 555 0142"],
    ["only punctuation", "()-.."],
    ["a double plus", "++44 20 7946 0958"],
    ["a plus in the middle", "212+555+0142"],
    ["full-width digits", "２１２５５５０１４２"],
  ])("rejects %s (%j) with phone.invalid", (_label, phone) => {
    expect(codesAt(validSelfInquiry({ phone }), "phone")).toEqual(["phone.invalid"]);
  });

  it(`accepts exactly ${LIMITS.phone} characters and rejects ${LIMITS.phone + 1}`, () => {
    const padded = (length: number) => {
      const value = `(212)${" ".repeat(length - "(212)".length - "555-0142".length)}555-0142`;
      expect(value).toHaveLength(length);
      return value;
    };
    expect(parseOk(validSelfInquiry({ phone: padded(LIMITS.phone) })).phone).toBe("+12125550142");
    expect(codesAt(validSelfInquiry({ phone: padded(LIMITS.phone + 1) }), "phone")).toEqual(["phone.tooLong"]);
  });

  it.each([[2125550142], [{}], [["212-555-0142"]], [true], [null]])("rejects a non-string phone %j", (phone) => {
    expect(codesAt(validSelfInquiry({ phone }), "phone")).toEqual(["phone.invalid"]);
  });
});

describe("InquirySchema: email", () => {
  it("lower-cases and trims the address", () => {
    expect(parseOk(validSelfInquiry({ email: "  Sam.Person+Intake@Example.ORG \t" })).email).toBe("sam.person+intake@example.org");
  });

  it.each(["sam", "sam@", "@example.org", "sam@example", "sam @example.org", "sam@@example.org", "sam@example..org", ".sam@example.org", "sam@exa mple.org"])(
    "rejects %j with email.invalid",
    (email) => {
      expect(codesAt(validSelfInquiry({ email }), "email")).toEqual(["email.invalid"]);
    },
  );

  it(`accepts exactly ${LIMITS.email} characters and rejects ${LIMITS.email + 1}`, () => {
    const domain = "@example.org";
    const atLimit = `${"a".repeat(LIMITS.email - domain.length)}${domain}`;
    expect(atLimit).toHaveLength(LIMITS.email);
    expect(parseOk(validSelfInquiry({ email: atLimit })).email).toBe(atLimit);
    expect(codesAt(validSelfInquiry({ email: `a${atLimit}` }), "email")).toEqual(["email.tooLong"]);
  });

  it("measures the limit after trimming", () => {
    const domain = "@example.org";
    const atLimit = `${"a".repeat(LIMITS.email - domain.length)}${domain}`;
    expect(parseOk(validSelfInquiry({ email: `   ${atLimit}   ` })).email).toBe(atLimit);
  });

  it.each([[42], [{}], [["sam@example.org"]], [false], [null]])("rejects a non-string email %j", (email) => {
    expect(codesAt(validSelfInquiry({ email }), "email")).toEqual(["email.invalid"]);
  });

  it("rejects control and bidi characters in an email", () => {
    expect(codesAt(validSelfInquiry({ email: "sam\u202E@example.org" }), "email")).toEqual(["text.invalidCharacters"]);
    expect(codesAt(validSelfInquiry({ email: "sam\u0000@example.org" }), "email")).toEqual(["text.invalidCharacters"]);
  });
});

describe("InquirySchema: text fields", () => {
  describe.each(TEXT_FIELDS)("$field", ({ field, max, base }) => {
    it(`accepts exactly ${max} characters and rejects ${max + 1}`, () => {
      expect(parseOk(base({ [field]: "x".repeat(max) }))[field]).toBe("x".repeat(max));
      expect(codesAt(base({ [field]: "x".repeat(max + 1) }), field)).toEqual([`${field}.tooLong`]);
    });

    it("trims surrounding white space before measuring", () => {
      expect(parseOk(base({ [field]: `  ${"x".repeat(max)}  ` }))[field]).toBe("x".repeat(max));
    });

    it("normalises to NFC, and measures after normalising", () => {
      const decomposed = "e\u0301"; // e + combining acute accent: 2 code units, 1 in NFC
      expect(parseOk(base({ [field]: `Jos${decomposed}` }))[field]).toBe("Jos\u00e9");
      expect(parseOk(base({ [field]: decomposed.repeat(max) }))[field]).toBe("\u00e9".repeat(max));
      expect(codesAt(base({ [field]: decomposed.repeat(max + 1) }), field)).toEqual([`${field}.tooLong`]);
    });

    it("keeps non-Latin letters and emoji", () => {
      const value = "Zoë 李 Ñandú 🙂";
      expect(parseOk(base({ [field]: value }))[field]).toBe(value);
    });

    it.each(CONTROL_CHARACTERS.map((c) => [codePoint(c), c]))("rejects the control character %s", (_name, c) => {
      expect(codesAt(base({ [field]: `Sa${c}m` }), field)).toEqual(["text.invalidCharacters"]);
    });

    it.each(BIDI_CONTROLS.map((c) => [codePoint(c), c]))("rejects the bidi control %s", (_name, c) => {
      expect(codesAt(base({ [field]: `Sam${c}txt.exe` }), field)).toEqual(["text.invalidCharacters"]);
    });

    it("allows the left-to-right and right-to-left marks used in ordinary text", () => {
      expect(parseOk(base({ [field]: "Sam\u200E" }))[field]).toBe("Sam\u200E");
    });
  });

  describe.each(SINGLE_LINE_FIELDS)("$field (single line)", ({ field, base }) => {
    it.each([["a line feed", "\n"], ["a carriage return", "\r"], ["CR LF", "\r\n"], ["a tab", "\t"]])("rejects %s inside the value", (_label, c) => {
      expect(codesAt(base({ [field]: `Sam${c}Lee` }), field)).toEqual(["text.invalidCharacters"]);
    });
  });

  describe("message (multi-line)", () => {
    it("keeps line feeds, CR LF and tabs inside the message", () => {
      const message = "First line\r\nSecond line\n\tindented";
      expect(parseOk(validSelfInquiry({ message })).message).toBe(message);
    });

    it("counts line breaks toward the limit", () => {
      const atLimit = `${"x".repeat(LIMITS.message - 3)}\r\ny`;
      expect(atLimit).toHaveLength(LIMITS.message);
      expect(parseOk(validSelfInquiry({ message: atLimit })).message).toBe(atLimit);
      expect(codesAt(validSelfInquiry({ message: `${atLimit}z` }), "message")).toEqual(["message.tooLong"]);
    });

    it.each([["empty", ""], ["blank", "  \n\t "]])("treats an %s message as not given", (_label, message) => {
      expect(parseOk(validSelfInquiry({ message })).message).toBeUndefined();
    });

    it.each([[42], [{}], [["hi"]], [true], [null]])("rejects a non-string message %j", (message) => {
      expect(codesAt(validSelfInquiry({ message }), "message")).toEqual(["message.invalid"]);
    });
  });

  describe("firstName", () => {
    it("is required", () => {
      expect(codesAt(without(validSelfInquiry(), "firstName"), "firstName")).toEqual(["firstName.required"]);
    });

    it.each(["", "   ", "\u00a0"])("treats %j as not given", (firstName) => {
      expect(codesAt(validSelfInquiry({ firstName }), "firstName")).toEqual(["firstName.required"]);
    });

    it("is trimmed", () => {
      expect(parseOk(validSelfInquiry({ firstName: "  Sam  " })).firstName).toBe("Sam");
    });

    it.each([[42], [{}], [["Sam"]], [true], [null]])("rejects a non-string %j", (firstName) => {
      expect(codesAt(validSelfInquiry({ firstName }), "firstName")).toEqual(["firstName.required"]);
    });
  });

  it.each(["referrerName", "referrerRelationship"])("rejects a non-string %s at its own path", (field) => {
    for (const value of [42, {}, ["Alex"], true]) {
      const issues = issuesOf(validReferralInquiry({ [field]: value }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe(field);
      expect(issues[0]?.message).toMatch(new RegExp(`^${field}\\.`));
    }
  });
});

describe("InquirySchema: choices", () => {
  it.each(["inCrisis", "okToLeaveVoicemail", "okToText", "okToNameProgramme"])("%s defaults to false and keeps true", (field) => {
    expect(parseOk(validSelfInquiry())[field as "inCrisis"]).toBe(false);
    expect(parseOk(validSelfInquiry({ [field]: true, email: "sam@example.org" }))[field as "inCrisis"]).toBe(true);
    expect(parseOk(validSelfInquiry({ [field]: false }))[field as "inCrisis"]).toBe(false);
  });

  it.each(["inCrisis", "okToLeaveVoicemail", "okToText", "okToNameProgramme"])("%s rejects non-booleans with choice.invalid", (field) => {
    for (const value of ["true", "on", "false", "", 1, 0, null, {}, []]) {
      expect(codesAt(validSelfInquiry({ [field]: value }), field)).toEqual(["choice.invalid"]);
    }
  });

  it("marks an inquiry in crisis", () => {
    expect(parseOk(validSelfInquiry({ inCrisis: true })).inCrisis).toBe(true);
  });

  it.each(LANGUAGES)("accepts preferredLanguage %s", (preferredLanguage) => {
    expect(parseOk(validSelfInquiry({ preferredLanguage })).preferredLanguage).toBe(preferredLanguage);
  });

  it.each([["missing", undefined], ["unsupported", "fr"], ["upper case", "EN"], ["empty", ""], ["number", 1]])(
    "rejects a %s preferredLanguage",
    (_label, preferredLanguage) => {
      const input = preferredLanguage === undefined ? without(validSelfInquiry(), "preferredLanguage") : validSelfInquiry({ preferredLanguage });
      expect(codesAt(input, "preferredLanguage")).toEqual(["preferredLanguage.required"]);
    },
  );

  it.each(HEARD_ABOUT)("accepts heardAbout %s", (heardAbout) => {
    expect(parseOk(validSelfInquiry({ heardAbout })).heardAbout).toBe(heardAbout);
  });

  it("accepts heardAbout null as not answered (an untouched select in the browser)", () => {
    expect(codesAt(validSelfInquiry({ heardAbout: null }), "heardAbout")).toEqual([]);
  });

  // Admins add sources, so any code of the right shape passes the schema;
  // submitInquiry refuses one that is not an active source.
  it("accepts a referral source code an admin added (DRUG_COURT_2)", () => {
    expect(parseOk(validSelfInquiry({ heardAbout: "DRUG_COURT_2" })).heardAbout).toBe("DRUG_COURT_2");
  });

  it.each(["search", "", 3, "A".repeat(33), "DRUG COURT", "<script>"])("rejects heardAbout %j", (heardAbout) => {
    expect(codesAt(validSelfInquiry({ heardAbout }), "heardAbout")).toEqual(["heardAbout.invalid"]);
  });
});

describe("InquirySchema: bestTimes", () => {
  it("defaults to an empty list", () => {
    expect(parseOk(without(validSelfInquiry(), "bestTimes")).bestTimes).toEqual([]);
  });

  it("accepts every offered time, in the order given", () => {
    const all = [...BEST_TIMES].reverse();
    expect(parseOk(validSelfInquiry({ bestTimes: all })).bestTimes).toEqual(all);
  });

  it.each(BEST_TIMES)("accepts %s alone", (time) => {
    expect(parseOk(validSelfInquiry({ bestTimes: [time] })).bestTimes).toEqual([time]);
  });

  it("rejects duplicates", () => {
    expect(codesAt(validSelfInquiry({ bestTimes: ["MORNING", "MORNING"] }), "bestTimes")).toEqual(["bestTimes.invalid"]);
    expect(codesAt(validSelfInquiry({ bestTimes: ["MORNING", "EVENING", "MORNING"] }), "bestTimes")).toEqual(["bestTimes.invalid"]);
  });

  it("rejects more entries than there are times", () => {
    expect(codesAt(validSelfInquiry({ bestTimes: [...BEST_TIMES, "MORNING"] }), "bestTimes")).toEqual(["bestTimes.invalid"]);
  });

  it("rejects an unknown time at its index", () => {
    expect(issuesOf(validSelfInquiry({ bestTimes: ["MORNING", "NIGHT"] }))).toEqual([{ path: "bestTimes.1", message: "bestTimes.invalid" }]);
    expect(codesAt(validSelfInquiry({ bestTimes: [""] }), "bestTimes.0")).toEqual(["bestTimes.invalid"]);
  });

  it.each([["a string", "MORNING"], ["an object", { MORNING: true }], ["null", null], ["a number", 1]])("rejects %s", (_label, bestTimes) => {
    // Zod also runs the length check on a string, so "MORNING" reports the code twice.
    const codes = codesAt(validSelfInquiry({ bestTimes }), "bestTimes");
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(["bestTimes.invalid"]));
  });
});

describe("InquirySchema: consent", () => {
  it("requires consent to be literally true", () => {
    for (const consent of [false, "true", "on", 1, "yes", null, {}]) {
      expect(codesAt(validSelfInquiry({ consent }), "consent")).toEqual(["consent.required"]);
    }
    expect(codesAt(without(validSelfInquiry(), "consent"), "consent")).toEqual(["consent.required"]);
  });

  it("requires the current consent text version", () => {
    expect(parseOk(validSelfInquiry()).consentTextVersion).toBe(CONSENT_TEXT_VERSION);
    for (const consentTextVersion of ["2020-01-01.en.1", `${CONSENT_TEXT_VERSION} `, CONSENT_TEXT_VERSION.toUpperCase(), "", 1]) {
      expect(codesAt(validSelfInquiry({ consentTextVersion }), "consentTextVersion")).toEqual(["consentTextVersion.outdated"]);
    }
    expect(codesAt(without(validSelfInquiry(), "consentTextVersion"), "consentTextVersion")).toEqual(["consentTextVersion.outdated"]);
  });
});

describe("InquirySchema: shape", () => {
  it.each(["website", "formToken", "$ACTION_ID_abc", "id", "status", "firstname", "__proto__x"])("rejects the unknown key %j", (key) => {
    const result = InquirySchema.safeParse(validSelfInquiry({ [key]: "x" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: [key], path: [] })]);
  });

  it("rejects an own __proto__ key smuggled in through JSON", () => {
    const input: unknown = JSON.parse(`{"__proto__": {"consent": true}, ${JSON.stringify(validSelfInquiry()).slice(1)}`);
    expect(InquirySchema.safeParse(input).success).toBe(false);
  });

  it.each([["null", null], ["undefined", undefined], ["an array", []], ["a string", "inquiry"], ["a number", 7]])("rejects %s as a whole", (_label, input) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("");
  });
});
