import { forEachLimited } from "@/lib/notifications/for-each-limited";

describe("forEachLimited", () => {
  it("starts items in order, never more than the limit at once, and waits for all", async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const finished: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, item % 2 === 0 ? 5 : 15));
      running -= 1;
      finished.push(item);
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
    expect(finished.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("does nothing for no items", async () => {
    const work = jest.fn(async () => undefined);
    await forEachLimited([], 3, work);
    expect(work).not.toHaveBeenCalled();
  });
});
