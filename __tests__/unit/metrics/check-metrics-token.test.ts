import { checkMetricsToken } from "@/lib/metrics/check-metrics-token";

const TOKEN = "s3cret-token-for-prometheus-0123456789";

describe("checkMetricsToken", () => {
  it("is disabled while no token is configured, whatever the request sends", () => {
    expect(checkMetricsToken({ configured: undefined, authorization: `Bearer ${TOKEN}` })).toBe("disabled");
    expect(checkMetricsToken({ configured: "", authorization: "Bearer " })).toBe("disabled");
  });

  it("allows exactly the configured bearer token", () => {
    expect(checkMetricsToken({ configured: TOKEN, authorization: `Bearer ${TOKEN}` })).toBe("allowed");
    expect(checkMetricsToken({ configured: TOKEN, authorization: `bearer ${TOKEN}` })).toBe("allowed");
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["another scheme", `Basic ${TOKEN}`],
    ["a prefix of the token", `Bearer ${TOKEN.slice(0, -1)}`],
    ["the token and more", `Bearer ${TOKEN}x`],
    ["a token with a space inside", `Bearer ${TOKEN} extra`],
  ])("refuses %s", (_label, authorization) => {
    expect(checkMetricsToken({ configured: TOKEN, authorization })).toBe("unauthorized");
  });
});
