import { retryDelayMs } from "@/lib/notifications/backoff";

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Runs a small bookkeeping write again, with backoff, when it fails: a
// dropped or terminated database connection costs one attempt, and the pool
// hands the next attempt a fresh connection. The write must be idempotent
// (safe to repeat if an attempt committed but its reply was lost).
export async function retryWrite<T>(options: {
  run: () => Promise<T>;
  attempts: number;
  baseDelayMs: number;
  onRetry?: (attempt: number, error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
}): Promise<T> {
  const sleep = options.sleep ?? wait;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await options.run();
    } catch (error) {
      if (attempt >= options.attempts) throw error;
      options.onRetry?.(attempt, error);
      await sleep(retryDelayMs({ attempts: attempt, baseMs: options.baseDelayMs }));
    }
  }
}
