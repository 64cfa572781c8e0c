import { dictionary } from "@zxcvbn-ts/language-common";
import { isCommonPassword } from "@/lib/auth/common-passwords";

// Issue 4: staff passwords are checked against a bundled list of common
// passwords. The check also sees through the usual disguise of a common word
// with digits and symbols on the end.
const list = dictionary["passwords-common"];

describe("isCommonPassword", () => {
  it.each(["password1234", "Summer2024!!", "password", "qwerty", "letmein", "iloveyou", "trustno1"])("refuses %j", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it("checks the whole bundled list, not a sample", () => {
    expect(list.length).toBeGreaterThan(40_000);
    const last = list.at(-1);
    if (!last) throw new Error("empty list");
    expect(isCommonPassword(last)).toBe(true);
  });

  it("ignores letter case", () => {
    expect(isCommonPassword("PASSWORD")).toBe(true);
    expect(isCommonPassword("PaSsWoRd")).toBe(true);
    expect(isCommonPassword("Baseball")).toBe(true);
  });

  it.each(["monkey123456", "Football2025!", "dragon_____77", "shadow 2024 !!", "Michael!!!!!!"])(
    "refuses the common word %j with trailing digits and symbols",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["aaaaaaaaaaaa", "############", "777777777777"])("refuses one character repeated: %j", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(["lantern orchard velvet 42", "correct horse battery staple", "Kq7#vZ2m-pLw9!xR", "tangerine-kayak-solstice"])("accepts %j", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });

  it("does not judge by a stem shorter than four characters", () => {
    const short = list.find((word) => /^[a-z]{3}$/.test(word));
    if (!short) throw new Error("no three-letter word in the list");
    const password = `${short}!!!!!!!!!`;
    expect(list).not.toContain(password);
    expect(isCommonPassword(password)).toBe(false);
  });

  it("strips only the end: a common word inside a longer phrase is fine", () => {
    expect(isCommonPassword("password is not my password")).toBe(false);
  });
});
