import { embedLinkSnippet } from "@/lib/embed/embed-snippets";
import { frameAncestors, parseEmbedOrigins } from "@/lib/security/embed-origins";

describe("parseEmbedOrigins", () => {
  it("is empty by default", () => {
    expect(parseEmbedOrigins(undefined, { production: true })).toEqual([]);
    expect(parseEmbedOrigins("", { production: true })).toEqual([]);
  });

  it("accepts exact https origins", () => {
    expect(parseEmbedOrigins(" https://www.clinic.org , https://clinic.org:8443/", { production: true })).toEqual(["https://www.clinic.org", "https://clinic.org:8443"]);
  });

  it.each(["https://*.clinic.org", "https://clinic.org/page", "clinic.org", "https://clinic.org?x=1"])("refuses %s", (value) => {
    expect(() => parseEmbedOrigins(value, { production: false })).toThrow();
  });

  it("refuses http in production only", () => {
    expect(() => parseEmbedOrigins("http://localhost:8080", { production: true })).toThrow(/https/);
    expect(parseEmbedOrigins("http://localhost:8080", { production: false })).toEqual(["http://localhost:8080"]);
  });
});

describe("frameAncestors", () => {
  it("never lets the staff area be framed, and public pages only by the allow-list", () => {
    expect(frameAncestors("/request", [])).toBe("frame-ancestors 'none'");
    expect(frameAncestors("/es/request", ["https://www.clinic.org"])).toBe("frame-ancestors https://www.clinic.org");
    expect(frameAncestors("/staff/inquiries", ["https://www.clinic.org"])).toBe("frame-ancestors 'none'");
  });
});

describe("embedLinkSnippet", () => {
  it("links to the form in each language without a referrer", () => {
    expect(embedLinkSnippet("https://intake.clinic.org", "en")).toMatch(/^<a href="https:\/\/intake\.clinic\.org\/request" rel="noreferrer"/);
    expect(embedLinkSnippet("https://intake.clinic.org", "es")).toContain('href="https://intake.clinic.org/es/request"');
    expect(embedLinkSnippet("https://intake.clinic.org", "es")).toContain("Pida una llamada confidencial");
  });
});
