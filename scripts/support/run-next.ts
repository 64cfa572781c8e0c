import { spawn } from "node:child_process";
import path from "node:path";
import type { DevEnvironment } from "./prepare-dev-environment";
import { ROOT } from "./root";

// Runs the Next.js CLI as a child with the prepared environment, forwards
// Ctrl-C / SIGTERM to it, and stops the embedded database once it has exited,
// so no server is left holding the port.
export function runNext(options: { args: string[]; environment: DevEnvironment }): void {
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  // Telemetry off: this app makes no calls to third parties, its tooling included.
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, [nextBin, ...options.args], { stdio: "inherit", env, cwd: ROOT });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    void options.environment.stop().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}
