import { requiredText, optionalText } from "@/lib/validations/text-field";
import { StaffNameSchema } from "@/lib/validations/staff-name";
import { InquiryNoteBodySchema } from "@/lib/validations/inquiry-note";
import { hasVisibleContent, visibleLength } from "@/lib/validations/visible-text";

// Issue 14: "text that shows nothing" is empty.
const INVISIBLE_ONLY = [
  "\u200B",
  "\u200B\u200B\u200B",
  "\u2060",
  "\uFEFF",
  "\u200E\u200F",
  "\u061C",
  "\u200C\u200D",
  " \u200B \u2060 ",
  "\u3164",
  "\u115F\u1160",
  "\u00AD",
  "\uFE0F",
  "\u2800",
  "\u180E",
  "\u034F",
];

// Names with joiners that carry meaning: Persian (ZWNJ), Devanagari and
// Malayalam (ZWJ/ZWNJ in conjuncts), an emoji ZWJ sequence.
const REAL_NAMES = ["\u0645\u06CC\u200C\u0646\u0627", "\u0915\u094D\u200D\u0937", "\u0D28\u0D4D\u200D", "\u{1F469}\u200D\u{1F4BB}", "Zo\u00eb", "\u674E\u534E"];

describe("hasVisibleContent", () => {
  it.each(INVISIBLE_ONLY.map((value) => [JSON.stringify(value), value]))("finds nothing visible in %s", (_label, value) => {
    expect(hasVisibleContent(value)).toBe(false);
  });

  it.each(REAL_NAMES.map((value) => [JSON.stringify(value), value]))("finds %s visible", (_label, value) => {
    expect(hasVisibleContent(value)).toBe(true);
  });

  it("counts only what shows", () => {
    expect(visibleLength("a\u200Bb\u2060c")).toBe(3);
  });
});

describe("required fields", () => {
  const firstName = requiredText({ max: 50, code: "firstName" });

  it.each(INVISIBLE_ONLY.map((value) => [JSON.stringify(value), value]))("answers firstName.required for %s", (_label, value) => {
    expect(firstName.safeParse(value).error?.issues.map((issue) => issue.message)).toEqual(["firstName.required"]);
  });

  it.each(REAL_NAMES.map((value) => [JSON.stringify(value), value]))("keeps %s exactly, joiners included", (_label, value) => {
    expect(firstName.parse(value)).toBe(value.normalize("NFC"));
    expect(StaffNameSchema.parse(value)).toBe(value.normalize("NFC"));
  });

  it("treats an invisible-only optional value as not given", () => {
    expect(optionalText({ max: 50, code: "referrerName" }).parse("\u200B\u2060")).toBeUndefined();
  });

  it("refuses an invisible staff name and an invisible note", () => {
    expect(StaffNameSchema.safeParse("\u200B\uFEFF").error?.issues.map((issue) => issue.message)).toEqual(["Enter your name."]);
    expect(InquiryNoteBodySchema.safeParse("\u2060").error?.issues.map((issue) => issue.message)).toEqual(["Write the note first."]);
  });
});
