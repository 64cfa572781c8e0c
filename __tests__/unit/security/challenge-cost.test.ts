import { challengeCostFor } from "@/lib/security/challenge-cost";

const base = { baseCost: 20_000, maxCost: 1_000_000 };

describe("challengeCostFor", () => {
  it("asks the base cost just past a threshold", () => {
    expect(challengeCostFor({ ...base, loads: [{ points: 11, threshold: 10 }] })).toBe(20_000);
    expect(challengeCostFor({ ...base, loads: [{ points: 19, threshold: 10 }] })).toBe(20_000);
  });

  it("doubles the cost each time the load doubles", () => {
    expect(challengeCostFor({ ...base, loads: [{ points: 20, threshold: 10 }] })).toBe(40_000);
    expect(challengeCostFor({ ...base, loads: [{ points: 40, threshold: 10 }] })).toBe(80_000);
    expect(challengeCostFor({ ...base, loads: [{ points: 1, threshold: 10 }, { points: 1200, threshold: 300 }] })).toBe(80_000);
  });

  it("never goes past the cap, however large the flood", () => {
    expect(challengeCostFor({ ...base, loads: [{ points: 10_000_000, threshold: 1 }] })).toBe(1_000_000);
  });

  it("asks the base cost when a threshold is 0 (always ask) or a counter was not read", () => {
    expect(challengeCostFor({ ...base, loads: [{ points: 0, threshold: 0 }] })).toBe(20_000);
    expect(challengeCostFor({ ...base, loads: [{ points: null, threshold: 10 }] })).toBe(20_000);
    expect(challengeCostFor({ ...base, loads: [] })).toBe(20_000);
  });
});
