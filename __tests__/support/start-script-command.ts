import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * `npm start` as a command for a harness to spawn: node with tsx's loader
 * running scripts/start.ts directly (no npm or tsx wrapper process, so a
 * signal reaches the server itself).
 */
export function startScriptCommand(options: { hostname: string; port: number; nodeArgs?: string[] }): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), "--import", "tsx", path.join(ROOT, "scripts", "start.ts"), "--hostname", options.hostname, "--port", String(options.port)],
  };
}
