import fs from "node:fs/promises";

export type PostmasterPid = { pid: number; port: number };

/**
 * Reads the lock file PostgreSQL keeps while running (line 1: pid, line 4:
 * port). Undefined when absent; a half-written file counts as absent.
 */
export async function readPostmasterPid(options: { file: string }): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await fs.readFile(options.file, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}
