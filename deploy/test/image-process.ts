import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

// Runs the image's own entrypoint in a buildah working container (chroot
// isolation, host network: Docker and `podman run` cannot run here), and
// finds the Node process it became, as seen from the host.
export type ImageProcess = {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
};

export function runEntrypoint(options: {
  container: string;
  entrypoint: string[];
  args: string[];
  env: Record<string, string>;
  echo?: boolean;
  /** Written to the process's standard input, which is then closed. */
  input?: string;
}): ImageProcess {
  const envArgs = Object.entries(options.env).flatMap(([name, value]) => ["--env", `${name}=${value}`]);
  const child = spawn(
    "buildah",
    ["run", "--isolation", "chroot", "--network", "host", ...envArgs, options.container, "--", ...options.entrypoint, ...options.args],
    { stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] },
  );
  if (options.input !== undefined) child.stdin?.end(options.input);
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

type ProcInfo = { pid: number; ppid: number };

// By the program it runs, not its name: Node 24 names its main thread "MainThread".
function isNode(pid: number): boolean {
  try {
    const argv0 = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
    return argv0 === "node" || argv0.endsWith("/node");
  } catch {
    return false;
  }
}

function processes(): ProcInfo[] {
  const found: ProcInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      found.push({ pid: Number(entry), ppid: Number(fields[1]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The `node` process among `root`'s descendants (chroot isolation shares the host's PID namespace). */
export function findNodeDescendant(root: number): number | undefined {
  const all = processes();
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const proc of all.filter((candidate) => candidate.ppid === parent)) {
      if (isNode(proc.pid)) return proc.pid;
      queue.push(proc.pid);
    }
  }
  return undefined;
}

/** Real uid and resident memory (KiB) of a process, from /proc/<pid>/status. */
export function processStatus(pid: number): { uid: number; rssKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return { uid, rssKiB };
}
