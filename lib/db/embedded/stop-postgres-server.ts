import { inspectProcess } from "./inspect-process";

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * Asks the postmaster for a fast shutdown (SIGINT: disconnect clients, write a
 * checkpoint) and waits for it; after the timeout, an immediate one (SIGQUIT,
 * crash recovery on next start). `exited`, known for our own child, saves
 * polling the process table.
 */
export async function stopPostgresServer(options: {
  pid: number;
  exited?: Promise<void>;
  timeoutMs?: number;
}): Promise<void> {
  const { pid } = options;
  const gone =
    options.exited ??
    (async () => {
      while ((await inspectProcess({ pid })).alive) await new Promise((r) => setTimeout(r, 25));
    })();
  signal(pid, "SIGINT");
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), options.timeoutMs ?? 15_000);
  });
  if (await Promise.race([gone.then(() => false), timedOut])) {
    signal(pid, "SIGQUIT");
    await gone;
  }
  clearTimeout(timer);
}
