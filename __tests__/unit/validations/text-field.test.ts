import { optionalText, requiredText } from "@/lib/validations/text-field";

function issuesOf(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown) {
  return (schema.safeParse(input).error?.issues ?? []).map((issue) => issue.message);
}

describe("requiredText", () => {
  const schema = requiredText({ max: 5, code: "nickname" });

  it("returns the trimmed NFC value", () => {
    expect(schema.parse("  Zoe\u0308 ")).toBe("Zo\u00eb");
  });

  it("uses the field's own code for missing, empty and non-string values", () => {
    for (const input of [undefined, null, 5, {}, [], "", "  ", "\u3000"]) {
      expect(issuesOf(schema, input)).toEqual(["nickname.required"]);
    }
  });

  it("uses the field's own code above the limit", () => {
    expect(schema.parse("abcde")).toBe("abcde");
    expect(issuesOf(schema, "abcdef")).toEqual(["nickname.tooLong"]);
  });

  it("rejects line breaks and tabs", () => {
    for (const input of ["a\nb", "a\rb", "a\tb"]) expect(issuesOf(schema, input)).toEqual(["text.invalidCharacters"]);
  });

  it("reports both problems of an over-long value with a control character", () => {
    expect(issuesOf(schema, "abc\u0000def")).toEqual(["nickname.tooLong", "text.invalidCharacters"]);
  });
});

describe("optionalText", () => {
  const single = optionalText({ max: 5, code: "alias" });
  const multi = optionalText({ max: 5, code: "note", multiline: true });

  it("turns missing, empty and blank values into undefined", () => {
    for (const input of [undefined, "", "   ", "\n\t"]) expect(multi.parse(input)).toBeUndefined();
    for (const input of [undefined, "", "   "]) expect(single.parse(input)).toBeUndefined();
  });

  it("uses <code>.invalid for non-string values", () => {
    for (const input of [null, 5, true, {}, ["a"]]) expect(issuesOf(single, input)).toEqual(["alias.invalid"]);
  });

  it("uses <code>.tooLong above the limit, after trimming", () => {
    expect(single.parse("  abcde  ")).toBe("abcde");
    expect(issuesOf(single, "abcdef")).toEqual(["alias.tooLong"]);
  });

  it("allows line breaks and tabs only when multi-line", () => {
    expect(multi.parse("a\r\nb\t")).toBe("a\r\nb"); // trailing tab trimmed
    expect(multi.parse("a\nb\tc")).toBe("a\nb\tc");
    expect(issuesOf(single, "a\nb")).toEqual(["text.invalidCharacters"]);
    expect(issuesOf(single, "a\tb")).toEqual(["text.invalidCharacters"]);
  });

  it("rejects other controls and bidi overrides even when multi-line", () => {
    for (const c of ["\u0000", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u202E", "\u2066", "\u2069"]) {
      expect(issuesOf(multi, `a${c}b`)).toEqual(["text.invalidCharacters"]);
    }
  });

  it("normalises to NFC", () => {
    expect(single.parse("Jose\u0301")).toBe("Jos\u00e9");
    expect("Jose\u0301").not.toBe("Jos\u00e9");
  });
});

describe("lone UTF-16 surrogates", () => {
  // Stored as UTF-8 they would silently become U+FFFD, so the stored answer
  // would differ from the acknowledged one (found by the resilience fuzzer).
  it.each(["Ann\uD800", "before \uDFFF after", "\uDC00x"])("are refused in %j", async (value) => {
    const { requiredText, optionalText } = await import("@/lib/validations/text-field");
    expect(requiredText({ max: 100, code: "firstName" }).safeParse(value).success).toBe(false);
    expect(optionalText({ max: 100, code: "message", multiline: true }).safeParse(value).success).toBe(false);
  });

  it("while a proper surrogate pair (an emoji) is accepted", async () => {
    const { requiredText } = await import("@/lib/validations/text-field");
    expect(requiredText({ max: 100, code: "firstName" }).safeParse("Ana 🌻").success).toBe(true);
  });
});
