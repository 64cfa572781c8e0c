import { retryWrite } from "@/lib/notifications/retry-write";

function failing(times: number) {
  let calls = 0;
  return {
    run: async () => {
      calls += 1;
      if (calls <= times) throw new Error(`connection lost (call ${calls})`);
      return "done";
    },
    calls: () => calls,
  };
}

describe("retryWrite", () => {
  it("returns at once when the write succeeds", async () => {
    const write = failing(0);
    const sleeps: number[] = [];
    await expect(retryWrite({ run: write.run, attempts: 6, baseDelayMs: 200, sleep: async (ms) => void sleeps.push(ms) })).resolves.toBe("done");
    expect(write.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("tries again with growing delays until the write gets through", async () => {
    const write = failing(3);
    const sleeps: number[] = [];
    const retries: number[] = [];
    const result = await retryWrite({
      run: write.run,
      attempts: 6,
      baseDelayMs: 200,
      sleep: async (ms) => void sleeps.push(ms),
      onRetry: (attempt) => retries.push(attempt),
    });
    expect(result).toBe("done");
    expect(write.calls()).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
    // Full jitter within doubling ceilings: (100..200], (200..400], (400..800].
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(100 * 2 ** i);
      expect(ms).toBeLessThanOrEqual(200 * 2 ** i);
    });
  });

  it("gives up after the last attempt with the last error", async () => {
    const write = failing(10);
    await expect(retryWrite({ run: write.run, attempts: 3, baseDelayMs: 1, sleep: async () => undefined })).rejects.toThrow("call 3");
    expect(write.calls()).toBe(3);
  });
});
