import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

export type ProcessInfo = { alive: false } | { alive: true; args: string };

// Linux: /proc, which costs no process per call (stop() polls this).
async function fromProc(pid: number): Promise<ProcessInfo | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    // Field 3, after the parenthesised command name (which may hold spaces).
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "Z" || state === "X") return { alive: false };
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
    return { alive: true, args: cmdline.split("\0").join(" ").trim() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ESRCH" ? { alive: false } : undefined;
  }
}

async function fromPs(pid: number): Promise<ProcessInfo> {
  try {
    // -ww: otherwise COLUMNS or a terminal's width cuts the command line short.
    const { stdout } = await run("ps", ["-ww", "-o", "stat=", "-o", "args=", "-p", String(pid)]);
    const line = stdout.trim();
    if (line === "" || line.startsWith("Z")) return { alive: false };
    return { alive: true, args: line.replace(/^\S+\s+/, "") };
  } catch {
    // ps exits 1 when the process vanished in between.
    return { alive: false };
  }
}

/**
 * Whether `pid` runs, and its command line. A zombie counts as gone: a killed
 * process stays one until its parent reaps it, which in containers whose pid 1
 * is not an init may take a while or never happen.
 */
export async function inspectProcess(options: { pid: number }): Promise<ProcessInfo> {
  try {
    process.kill(options.pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return { alive: false };
  }
  if (process.platform === "linux") {
    const info = await fromProc(options.pid);
    if (info) return info;
  }
  return fromPs(options.pid);
}
