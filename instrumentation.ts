// Runs once when a Next.js server process starts; the work is in a Node-only
// module so the Edge build of this file stays empty.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("@/lib/startup/start-server-process");
  startServerProcess();
}
