import { loadEnv, minimalEnv } from "@/__tests__/unit/fixtures/env";

describe("NOTIFY_LEASE_SECONDS", () => {
  it("defaults to two minutes", async () => {
    const result = await loadEnv(minimalEnv());
    expect(result.ok && result.env.NOTIFY_LEASE_SECONDS).toBe(120);
  });

  it("accepts whole seconds from 30 to 3600", async () => {
    for (const value of ["30", "45", "3600"]) {
      const result = await loadEnv(minimalEnv({ NOTIFY_LEASE_SECONDS: value }));
      expect(result.ok && result.env.NOTIFY_LEASE_SECONDS).toBe(Number(value));
    }
  });

  it.each(["29", "0", "3601", "1.5", "two minutes"])("refuses %p at start-up, naming the variable", async (value) => {
    const result = await loadEnv(minimalEnv({ NOTIFY_LEASE_SECONDS: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("NOTIFY_LEASE_SECONDS");
  });
});
