import { spawn } from "node:child_process";
import type { ServerIdentity } from "./resolve-server-identity";

/** Runs a PostgreSQL tool to completion; rejects with its output on failure. */
export async function runProcess(options: {
  command: string;
  args: string[];
  identity: ServerIdentity | undefined;
  log: (message: string) => void;
}): Promise<void> {
  const child = spawn(options.command, options.args, {
    ...options.identity,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    options.log(text.trimEnd());
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) {
    throw new Error(`${options.command} exited with code ${code}:\n${output.trim().slice(-2000)}`);
  }
}
