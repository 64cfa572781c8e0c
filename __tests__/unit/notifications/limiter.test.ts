import { createLimiter } from "@/lib/notifications/limiter";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createLimiter", () => {
  it("runs at most the limit at once, starts tasks in order, and finishes them all", async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7].map((n) =>
        limit(async () => {
          started.push(n);
          running += 1;
          peak = Math.max(peak, running);
          await pause(n % 2 === 0 ? 5 : 15);
          running -= 1;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limit(async () => "next")).resolves.toBe("next");
  });
});
