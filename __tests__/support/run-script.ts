import { spawn } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

export type ScriptRun = { code: number | null; output: string; ms: number };

/**
 * Runs one of scripts/ (as `npm start` / `npm run worker` would) with exactly
 * `env` plus PATH, HOME and NODE_ENV=production, and returns once it exits or `timeoutMs` passes
 * (then it is killed and `code` is null).
 */
export async function runScript(options: { script: string; args?: string[]; env: Record<string, string>; conditions?: string; timeoutMs: number }): Promise<ScriptRun> {
  const started = Date.now();
  const flags = options.conditions ? [`--conditions=${options.conditions}`] : [];
  const child = spawn(TSX, [...flags, path.join(REPO_ROOT, options.script), ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    // NODE_ENV as `npm start` would have it; `env` may say otherwise.
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, output, ms: Date.now() - started };
}
