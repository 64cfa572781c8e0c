import type { Outcome } from "./bench-results";

/**
 * Runs a phase whose failure should not cost the other figures: its error is
 * logged and kept in place of its result. (Build, database and app start-up are
 * not run through this: nothing can be measured without them.)
 */
export async function attempt<T>(name: string, log: (message: string) => void, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message}`);
    return { error: message.split("\n")[0] ?? message };
  }
}
