import { retryDelayMs } from "@/lib/notifications/backoff";

const HOUR = 60 * 60 * 1000;
const BASE = 5000;
const low = () => 0;
const high = () => 1;

describe("retryDelayMs", () => {
  it("waits between half and all of the base delay after the first attempt", () => {
    expect(retryDelayMs({ attempts: 1, baseMs: BASE, random: low })).toBe(2500);
    expect(retryDelayMs({ attempts: 1, baseMs: BASE, random: () => 0.5 })).toBe(3750);
    expect(retryDelayMs({ attempts: 1, baseMs: BASE, random: high })).toBe(5000);
  });

  it("doubles the ceiling with each attempt", () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((attempts) => retryDelayMs({ attempts, baseMs: BASE, random: high }));
    expect(ceilings).toEqual([5000, 10_000, 20_000, 40_000, 80_000, 160_000]);
    const floors = [1, 2, 3, 4].map((attempts) => retryDelayMs({ attempts, baseMs: BASE, random: low }));
    expect(floors).toEqual([2500, 5000, 10_000, 20_000]);
  });

  it("treats zero or negative attempts as the first", () => {
    expect(retryDelayMs({ attempts: 0, baseMs: BASE, random: high })).toBe(BASE);
    expect(retryDelayMs({ attempts: -3, baseMs: BASE, random: high })).toBe(BASE);
  });

  it("caps the ceiling at one hour", () => {
    // 5 s · 2^10 = 5120 s > 3600 s: attempt 11 is the first to hit the cap.
    expect(retryDelayMs({ attempts: 10, baseMs: BASE, random: high })).toBe(2560_000);
    expect(retryDelayMs({ attempts: 11, baseMs: BASE, random: high })).toBe(HOUR);
    for (const attempts of [11, 20, 50, 1100, Number.MAX_SAFE_INTEGER]) {
      expect(retryDelayMs({ attempts, baseMs: BASE, random: high })).toBe(HOUR);
      expect(retryDelayMs({ attempts, baseMs: BASE, random: low })).toBe(HOUR / 2);
    }
  });

  it("caps even a base delay longer than an hour", () => {
    expect(retryDelayMs({ attempts: 1, baseMs: 2 * HOUR, random: high })).toBe(HOUR);
  });

  it("keeps the jitter within [ceiling/2, ceiling] and rounds to whole milliseconds", () => {
    for (const attempts of [1, 2, 5, 9, 12]) {
      const ceiling = Math.min(HOUR, BASE * 2 ** (attempts - 1));
      for (let i = 0; i < 100; i += 1) {
        const r = i / 100 + 0.004_321;
        const delay = retryDelayMs({ attempts, baseMs: BASE, random: () => r });
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it("spreads retries: different random draws give different delays", () => {
    const delays = new Set([0, 0.25, 0.5, 0.75, 0.999].map((r) => retryDelayMs({ attempts: 3, baseMs: BASE, random: () => r })));
    expect(delays.size).toBe(5);
  });

  it("is non-decreasing in attempts for a fixed draw", () => {
    let previous = 0;
    for (let attempts = 1; attempts <= 30; attempts += 1) {
      const delay = retryDelayMs({ attempts, baseMs: BASE, random: () => 0.37 });
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
  });

  it("uses Math.random by default and stays within bounds", () => {
    const spy = jest.spyOn(Math, "random").mockReturnValue(0.5);
    try {
      expect(retryDelayMs({ attempts: 2, baseMs: BASE })).toBe(7500);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    for (let i = 0; i < 200; i += 1) {
      const delay = retryDelayMs({ attempts: 4, baseMs: BASE });
      expect(delay).toBeGreaterThanOrEqual(20_000);
      expect(delay).toBeLessThanOrEqual(40_000);
    }
  });
});
