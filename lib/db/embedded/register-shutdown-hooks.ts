/**
 * Stops the server with the process: SIGINT/SIGTERM stop it cleanly, then the
 * signal is raised again so the process ends as it would have without us
 * (unless someone else handles it); a plain exit can only signal it
 * synchronously. Returns the function that removes the hooks.
 */
export function registerShutdownHooks(options: { pid: number; stop: () => Promise<void> }): () => void {
  const onExit = () => {
    try {
      process.kill(options.pid, "SIGINT");
    } catch {
      // Already gone.
    }
  };
  const onSignal = (name: NodeJS.Signals) => {
    unregister();
    void options.stop().finally(() => {
      if (process.listenerCount(name) === 0) process.kill(process.pid, name);
    });
  };
  const unregister = () => {
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return unregister;
}
