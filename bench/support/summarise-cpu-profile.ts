import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type CpuShare = { category: string; selfPercent: number };
export type CpuProfileSummary = { file: string; busySeconds: number; idleSeconds: number; shares: CpuShare[] };

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

// Self time grouped by where the code lives: an npm package, the app's own
// bundle, a Node internal module, or a native frame (writev, GC, …).
function categoryOf(frame: ProfileNode["callFrame"]): string {
  const url = frame.url;
  if (!url) return frame.functionName || "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes("/.next")) return "app bundle";
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  return url.startsWith("wasm://") ? "wasm" : "other";
}

/**
 * Reads the newest .cpuprofile in `directory` (written by `node --cpu-prof`
 * when the server exits) and returns each category's share of the busy time.
 */
export function summariseCpuProfile(directory: string, top = 12): CpuProfileSummary {
  const files = readdirSync(directory).filter((f) => f.endsWith(".cpuprofile")).sort();
  const file = files.at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${directory}`);
  const profile = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const category = categoryOf(node.callFrame);
    self.set(category, (self.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const idle = self.get("(idle)") ?? 0;
  self.delete("(idle)");
  const busy = [...self.values()].reduce((sum, v) => sum + v, 0);
  const shares = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([category, micros]) => ({ category, selfPercent: Math.round((micros / busy) * 1000) / 10 }));
  return { file, busySeconds: Math.round(busy / 1e5) / 10, idleSeconds: Math.round(idle / 1e5) / 10, shares };
}
