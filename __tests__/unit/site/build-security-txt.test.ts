import { buildSecurityTxt } from "@/lib/site/build-security-txt";

describe("buildSecurityTxt", () => {
  const text = buildSecurityTxt({ contactEmail: "intake@clinic.example", publicUrl: "https://help.example.org", now: new Date("2026-12-06T10:00:00Z") });

  it("has the two fields RFC 9116 requires", () => {
    expect(text).toMatch(/^Contact: mailto:intake@clinic\.example$/m);
    expect(text).toMatch(/^Expires: 2027-06-04T00:00:00\.000Z$/m);
  });

  it("expires less than a year ahead and names its canonical address", () => {
    const expires = new Date(/^Expires: (.+)$/m.exec(text)?.[1] ?? "");
    expect(expires.getTime() - Date.parse("2026-12-06T10:00:00Z")).toBeLessThan(365 * 24 * 3600 * 1000);
    expect(text).toMatch(/^Canonical: https:\/\/help\.example\.org\/\.well-known\/security\.txt$/m);
  });
});
