import type { ChildServer } from "./start-child-process";

/**
 * Polls `url` until it answers 200. Fails early if the process exits, or if it
 * keeps answering 500 (a broken app, say a rejected environment, keeps
 * running regardless); 503 means "database not reachable yet" and is waited out.
 */
export async function waitForHttp(options: { url: string; child: ChildServer; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";
  let failingSince: number | undefined;
  while (Date.now() < deadline) {
    const status = options.child.exitStatus();
    if (status !== undefined) throw new Error(`server exited (${status}) before it was ready:\n${options.child.tail()}`);
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
      failingSince = response.status === 500 ? (failingSince ?? Date.now()) : undefined;
      if (failingSince !== undefined && Date.now() - failingSince > 5000) break;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${options.url} did not become ready (${last}):\n${options.child.tail()}`);
}
