// Exponential backoff with full jitter, capped at one hour: a mail server that
// is down for a while is retried often at first, then gently, and workers that
// failed together do not all retry at the same instant.
const MAX_DELAY_MS = 60 * 60 * 1000;

export function retryDelayMs(options: { attempts: number; baseMs: number; random?: () => number }): number {
  const ceiling = Math.min(MAX_DELAY_MS, options.baseMs * 2 ** Math.max(0, options.attempts - 1));
  return Math.round(ceiling / 2 + (options.random ?? Math.random)() * (ceiling / 2));
}
