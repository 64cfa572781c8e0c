export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

// At most `limit` tasks run at once; the others wait their turn in FIFO order.
// A finishing task hands its slot straight to the next one waiting.
export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
