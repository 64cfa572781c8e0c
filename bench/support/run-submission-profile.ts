import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LatencySummary } from "./latency-stats";
import { ROOT } from "./paths";

export type SubmissionProfile = {
  count: number;
  steps: (LatencySummary & { name: string })[];
  submitInquiry: LatencySummary;
  roundTrips: { pg: LatencySummary; prisma: LatencySummary };
};

/** Runs bench/profile-submission.ts in a process of its own, with the app's environment, and reads its JSON. */
export async function runSubmissionProfile(options: { env: NodeJS.ProcessEnv; workDir: string; count: number }): Promise<SubmissionProfile> {
  const out = path.join(options.workDir, "submission-profile.json");
  const logFile = path.join(options.workDir, "submission-profile.log");
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "bench", "profile-submission.ts")], {
    cwd: ROOT,
    env: { ...options.env, NODE_ENV: "production", BENCH_PROFILE_OUT: out, BENCH_PROFILE_COUNT: String(options.count) },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`profile-submission exited with ${code}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
  return JSON.parse(readFileSync(out, "utf8")) as SubmissionProfile;
}
