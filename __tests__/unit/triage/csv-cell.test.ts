import { csvCell, csvLine } from "@/lib/triage/export/csv-cell";

describe("csvCell", () => {
  it.each([
    ["=1+2", `"'=1+2"`],
    ["+1", `"'+1"`],
    ["-1", `"'-1"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ["\rx", `"'\rx"`],
  ])("neutralises a formula-looking text %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("quotes every text and doubles its quotes; keeps line breaks inside the quotes", () => {
    expect(csvCell('say "hi", then\nleave')).toBe(`"say ""hi"", then\nleave"`);
    expect(csvCell("a=b")).toBe(`"a=b"`);
  });

  it("writes numbers as they are and null as an empty field", () => {
    expect(csvLine([3, null, "x"])).toBe(`"3",,"x"\r\n`);
  });
});
