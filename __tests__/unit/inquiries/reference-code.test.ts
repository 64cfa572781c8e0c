import { generateReferenceCode, REFERENCE_CODE_PATTERN } from "@/lib/inquiries/reference-code";

const LOOK_ALIKES = ["0", "O", "1", "I", "L", "U", "V", "5", "S", "2", "Z"];
const DRAWS = 100_000;

// One large sample shared by the statistical tests (drawn once, ~1 s).
const codes = Array.from({ length: DRAWS }, generateReferenceCode);
const symbolsOf = (code: string) => code.replace("-", "").split("");

function chiSquare(counts: Map<string, number>, categories: number, total: number): number {
  const expected = total / categories;
  let sum = 0;
  for (const count of counts.values()) sum += (count - expected) ** 2 / expected;
  // Categories never seen contribute (0 - expected)^2 / expected each.
  sum += (categories - counts.size) * expected;
  return sum;
}

describe("generateReferenceCode", () => {
  it("always matches REFERENCE_CODE_PATTERN: XXXX-XXXX", () => {
    const bad = codes.filter((code) => !REFERENCE_CODE_PATTERN.test(code));
    expect(bad).toEqual([]);
    expect(codes[0]).toHaveLength(9);
    expect(codes[0]?.[4]).toBe("-");
  });

  it("uses exactly 25 symbols: upper-case letters and digits", () => {
    const alphabet = new Set(codes.flatMap(symbolsOf));
    expect(alphabet.size).toBe(25);
    for (const symbol of alphabet) expect(symbol).toMatch(/^[A-Z0-9]$/);
  });

  it("never uses characters that are easy to confuse when read aloud or handwritten", () => {
    const used = new Set(codes.flatMap(symbolsOf));
    expect(LOOK_ALIKES.filter((c) => used.has(c))).toEqual([]);
  });

  it("does not repeat over 100,000 draws (expected collisions ≈ 0.03 at 25^8)", () => {
    // P(3 or more collisions) ≈ 6·10^-6, so this does not flake; a generator with
    // only half the entropy (25^4 codes) would collide about 12,800 times.
    expect(DRAWS - new Set(codes).size).toBeLessThanOrEqual(2);
  });

  it("draws symbols uniformly overall (chi-square, 24 degrees of freedom)", () => {
    const counts = new Map<string, number>();
    for (const code of codes) for (const symbol of symbolsOf(code)) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    // Mean 24, standard deviation ≈ 7; 100 is p < 10^-10 for a fair generator,
    // while a bias as small as 10% on one symbol gives ≈ 320 here.
    expect(chiSquare(counts, 25, DRAWS * 8)).toBeLessThan(100);
  });

  it("draws each position uniformly and independently of the others", () => {
    for (let position = 0; position < 8; position += 1) {
      const counts = new Map<string, number>();
      for (const code of codes) {
        const symbol = symbolsOf(code)[position] ?? "?";
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
      expect(chiSquare(counts, 25, DRAWS)).toBeLessThan(100);
    }
    // Adjacent symbols equal about 1 time in 25 (4%), not more or less often.
    const repeats = codes.filter((code) => code[0] === code[1]).length / DRAWS;
    expect(repeats).toBeGreaterThan(0.03);
    expect(repeats).toBeLessThan(0.05);
  });
});

describe("REFERENCE_CODE_PATTERN", () => {
  it.each(["K7Q3-W9XA", "ABCD-EFGH", "3467-89AB"])("accepts %s", (code) => {
    expect(REFERENCE_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each([
    ["lower case", "k7q3-w9xa"],
    ["no dash", "K7Q3W9XA"],
    ["a space for the dash", "K7Q3 W9XA"],
    ["too short", "K7Q-W9XA"],
    ["too long", "K7Q3-W9XAB"],
    ["a leading character", "XK7Q3-W9XA"],
    ["a trailing newline", "K7Q3-W9XA\n"],
    ...LOOK_ALIKES.map((c) => [`the look-alike ${c}`, `K7Q3-W9X${c}`]),
  ])("rejects %s (%j)", (_label, code) => {
    expect(REFERENCE_CODE_PATTERN.test(code)).toBe(false);
  });
});
