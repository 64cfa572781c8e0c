import { readProcessGroup } from "./process-group";

export type MemoryFigures = {
  /** Sum of VmRSS over the process group, at the first sample (server idle). */
  startRssMiB: number;
  /** Largest sum of VmRSS over the process group seen in any sample. */
  peakRssMiB: number;
  /** Largest VmHWM (the kernel's own peak RSS) of any single process in the group. */
  peakHwmMiB: number;
  samples: number;
  processes: string[];
};

export type MemorySampler = { stop(): MemoryFigures };

/** Samples the memory of a process group every `intervalMs` until stop(). */
export function sampleProcessMemory(options: { groupId: number; intervalMs: number }): MemorySampler {
  let startRss: number | undefined;
  let peakRss = 0;
  let peakHwm = 0;
  let samples = 0;
  const names = new Set<string>();
  const sample = () => {
    const group = readProcessGroup(options.groupId);
    if (group.length === 0) return;
    const rss = group.reduce((sum, p) => sum + p.rssKiB, 0);
    startRss ??= rss;
    peakRss = Math.max(peakRss, rss);
    peakHwm = Math.max(peakHwm, ...group.map((p) => p.hwmKiB));
    for (const p of group) names.add(p.name);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, options.intervalMs);
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { startRssMiB: mib(startRss ?? 0), peakRssMiB: mib(peakRss), peakHwmMiB: mib(peakHwm), samples, processes: [...names] };
    },
  };
}
