import { normaliseName } from "@/lib/crypto/normalise-name";

describe("normaliseName", () => {
  it.each([
    ["Zephyrine", "zephyrine"],
    ["  ZEPHYRINE ", "zephyrine"],
    ["José", "jose"],
    ["Jose\u0301", "jose"],
    ["José-Luis", "jose luis"],
    ["jose   luis", "jose luis"],
    ["O'Brien", "o brien"],
    ["Zoë", "zoe"],
    ["ｍａｒｉａ", "maria"],
    ["Ñandú", "nandu"],
  ])("%j → %j", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it("keeps letters of other scripts (only marks and punctuation go)", () => {
    // Marks go in every script (й becomes и); both sides of the search agree.
    expect(normaliseName("Дмитрий")).toBe("дмитрии");
    expect(normaliseName("美咲")).toBe("美咲");
  });

  it("is idempotent", () => {
    for (const name of ["José-Luis", "Ñandú", "  Mary  Ann ", "Zoë"]) {
      expect(normaliseName(normaliseName(name))).toBe(normaliseName(name));
    }
  });

  it("reduces a name of punctuation only to the empty string", () => {
    expect(normaliseName(" -- ")).toBe("");
  });
});
