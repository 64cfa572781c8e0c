// Runs `work` over `items` with at most `limit` running at once, in order,
// and resolves when all have finished (each call handles its own errors).
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  // One iterator shared by every lane: each takes the next item when it is free.
  const pending = items[Symbol.iterator]();
  const lane = async () => {
    for (let step = pending.next(); !step.done; step = pending.next()) await work(step.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
