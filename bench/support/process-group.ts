import { readdirSync, readFileSync } from "node:fs";

export type ProcessSample = { pid: number; name: string; rssKiB: number; hwmKiB: number; cpuMs: number };

// Linux reports utime/stime in clock ticks of USER_HZ, which is 100 on every
// mainstream architecture (it is fixed by the kernel ABI, not by CONFIG_HZ).
const MS_PER_TICK = 10;

/**
 * Every process in the group `groupId`, from /proc. A server spawned detached
 * is its group's leader, so `next start` and anything it forked share its pid
 * as their group id.
 */
export function readProcessGroup(groupId: number): ProcessSample[] {
  const found: ProcessSample[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces:
      // [0] state, [1] ppid, [2] pgrp, … [11] utime, [12] stime.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
      found.push({
        pid: Number(entry),
        name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?",
        rssKiB: kib("VmRSS"),
        hwmKiB: kib("VmHWM"),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found;
}

/** CPU time (user + system, ms) used so far by the live processes of a group. */
export function groupCpuMs(groupId: number): number {
  return readProcessGroup(groupId).reduce((sum, p) => sum + p.cpuMs, 0);
}
