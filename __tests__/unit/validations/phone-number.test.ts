import { normalisePhoneNumber } from "@/lib/validations/phone-number";

describe("normalisePhoneNumber", () => {
  describe("North American numbers (no +)", () => {
    it.each([
      ["(212) 555-0142", "+12125550142"],
      ["212.555.0142", "+12125550142"],
      ["212-555-0142", "+12125550142"],
      ["212 555 0142", "+12125550142"],
      ["2125550142", "+12125550142"],
      ["1-212-555-0142", "+12125550142"],
      ["1 (212) 555-0142", "+12125550142"],
      ["12125550142", "+12125550142"],
      ["  212-555-0142  ", "+12125550142"],
      ["(989) 999-9999", "+19899999999"],
      ["200-200-0000", "+12002000000"],
    ])("%j → %s", (input, expected) => {
      expect(normalisePhoneNumber(input)).toBe(expected);
    });

    it.each([
      ["area code starting with 0", "012-555-0142"],
      ["area code starting with 1", "112-555-0142"],
      ["exchange starting with 0", "212-055-0142"],
      ["exchange starting with 1", "212-155-0142"],
      ["country code 1 then a bad area code", "1-012-555-0142"],
      ["9 digits", "212-555-014"],
      ["7 digits (no area code)", "555-0142"],
      ["11 digits not starting with 1", "22125550142"],
      ["12 digits starting with 1", "112125550142"],
      ["letters", "212-555-CALL"],
      ["a letter among digits", "212-555-0l42"],
      ["an extension", "212-555-0142 ext 3"],
      ["a slash", "212/555/0142"],
      ["full-width digits", "２１２５５５０１４２"],
      ["an empty string", ""],
      ["white space", "   "],
      ["punctuation only", "(--)"],
    ])("rejects %s (%j)", (_label, input) => {
      expect(normalisePhoneNumber(input)).toBeNull();
    });
  });

  describe("international numbers (with +)", () => {
    it.each([
      ["+44 20 7946 0958", "+442079460958"],
      ["+442079460958", "+442079460958"],
      ["+52 (55) 1234-5678", "+525512345678"],
      ["+34 912 345 678", "+34912345678"],
      ["+1 212 555 0142", "+12125550142"],
      ["+1 (212) 555-0142", "+12125550142"],
      ["+12125550142", "+12125550142"],
      ["+22 123 456", "+22123456"], // 8 digits: the shortest E.164 number accepted
      ["+22 1234 5678 9012 3", "+221234567890123"], // 15 digits: the longest
    ])("%j → %s", (input, expected) => {
      expect(normalisePhoneNumber(input)).toBe(expected);
    });

    it.each([
      ["a country code starting with 0", "+0 20 7946 0958"],
      ["+0 alone with digits", "+02079460958"],
      ["7 digits", "+22 123 45"],
      ["16 digits", "+22 1234 5678 9012 34"],
      ["+1 with a bad area code", "+1 112 555 0142"],
      ["+1 with too few digits", "+1 212 555 014"],
      ["+1 with too many digits", "+1 212 555 01423"],
      ["a plus alone", "+"],
      ["two pluses", "++44 20 7946 0958"],
      ["a plus not at the start", "44+20 7946 0958"],
      ["a trailing plus", "442079460958+"],
      ["letters", "+44 20 WXYZ 0958"],
    ])("rejects %s (%j)", (_label, input) => {
      expect(normalisePhoneNumber(input)).toBeNull();
    });
  });

  it("is idempotent on its own output", () => {
    for (const input of ["(212) 555-0142", "+44 20 7946 0958"]) {
      const once = normalisePhoneNumber(input);
      expect(once).not.toBeNull();
      expect(normalisePhoneNumber(once ?? "")).toBe(once);
    }
  });

  it("always returns E.164 when it returns anything", () => {
    const samples = ["(212) 555-0142", "1.212.555.0142", "+44 20 7946 0958", "+52 55 1234 5678", "+1-989-999-9999"];
    for (const sample of samples) expect(normalisePhoneNumber(sample)).toMatch(/^\+[1-9]\d{7,14}$/);
  });
});
