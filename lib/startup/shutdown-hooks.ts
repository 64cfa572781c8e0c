// One list of "finish your work" hooks per process, run once on SIGTERM/SIGINT
// by whoever owns the process (the production HTTP server, `npm run worker`).
// Kept on globalThis under a Symbol.for key because the same process loads this
// module twice: once through the Next.js server bundle (instrumentation starts
// the in-process worker there) and once through tsx (the start script).

type ShutdownHook = { name: string; run: () => Promise<void> };

const KEY = Symbol.for("iop-intake.shutdown-hooks");
const holder = globalThis as typeof globalThis & { [KEY]?: ShutdownHook[] };

function hooks(): ShutdownHook[] {
  holder[KEY] ??= [];
  return holder[KEY];
}

/** Registers work to finish before the process exits (stop claiming, drain, close pools). */
export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks().push({ name, run });
}

/** Runs every hook, newest first, each to completion; returns the names of those that failed. */
export async function runShutdownHooks(): Promise<string[]> {
  const failed: string[] = [];
  for (const hook of hooks().splice(0).reverse()) {
    await hook.run().catch(() => failed.push(hook.name));
  }
  return failed;
}
