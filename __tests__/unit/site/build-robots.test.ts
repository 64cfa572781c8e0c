import { buildRobots } from "@/lib/site/build-robots";

describe("buildRobots", () => {
  it("keeps every crawler out of everything unless the clinic opts in", () => {
    const robots = buildRobots({ indexPublicPages: false, publicUrl: "https://help.example.org" });
    expect(robots.rules).toEqual({ userAgent: "*", disallow: "/" });
  });

  it("never lets the staff area or the API be crawled when public pages are indexable", () => {
    const robots = buildRobots({ indexPublicPages: true, publicUrl: "https://help.example.org" });
    expect(robots.rules).toEqual({ userAgent: "*", allow: "/", disallow: ["/staff", "/api/"] });
    expect(robots.host).toBe("help.example.org");
  });
});
