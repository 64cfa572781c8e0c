import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { appEnvironment, makeBenchSecrets } from "./support/app-environment";
import { attempt } from "./support/attempt";
import { BENCH_CONFIG } from "./support/bench-config";
import type { BenchResults } from "./support/bench-results";
import { buildReportRows } from "./support/build-report-rows";
import { checkHomePage } from "./support/check-home-page";
import { checkRateLimits } from "./support/check-rate-limits";
import { createBenchDatabase } from "./support/create-bench-database";
import { ensureProductionBuild } from "@/__tests__/kit/production-build";
import { freshTokens } from "./support/form-tokens";
import { freePort } from "@/__tests__/kit/free-port";
import { DIST_DIR, ROOT, WORK_DIR } from "./support/paths";
import { withClient } from "./support/pg-session";
import { formatConfiguration } from "./support/print-configuration";
import { formatTable } from "./support/print-table";
import { runAppPhases } from "./support/run-app-phases";
import { runBaselinePhases } from "./support/run-baseline-phases";
import { runSubmissionProfile } from "./support/run-submission-profile";
import { startBenchPostgres } from "./support/start-bench-postgres";
import { startNextServer } from "./support/start-next-server";
import { startSmtpRecorder } from "./support/smtp-recorder";
import { summariseCpuProfile } from "./support/summarise-cpu-profile";
import { createTeardown } from "./support/teardown";
import { describeMachine, writeResults } from "./support/write-results";
import { runInboxBench } from "./inbox-bench";

// `npm run bench`: a benchmark of the intake app on loopback. It prints figures
// and compares them with targets for information; it never fails because a
// target was missed (only because something could not be run at all).

const started = performance.now();
const startedAt = new Date();
const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const teardown = createTeardown(log);

async function main(): Promise<void> {
  const c = BENCH_CONFIG;
  const machine = describeMachine();
  mkdirSync(WORK_DIR, { recursive: true });
  console.log(formatConfiguration(machine));
  const results: BenchResults = { app: { closedLoop: [] }, baseline: { closedLoop: [] } };

  results.build = await ensureProductionBuild({ distDir: DIST_DIR, log, logFile: path.join(WORK_DIR, "build.log") });
  const postgres = await startBenchPostgres({ port: c.ports.embeddedPostgres, log });
  teardown.add("stop PostgreSQL", postgres.stop);
  const database = await createBenchDatabase({ serverUrl: postgres.serverUrl, dropLeftovers: postgres.embedded, log });
  teardown.add(`drop database ${database.name}`, database.drop);
  results.database = { embedded: postgres.embedded, statementStats: database.statementStats };
  const smtp = await startSmtpRecorder();
  teardown.add("stop the SMTP server", smtp.stop);
  log(`SMTP recorder on 127.0.0.1:${smtp.port}`);

  const secrets = makeBenchSecrets();
  const envFor = (origin: string, settings: Record<string, string>) =>
    appEnvironment({ databaseUrl: database.url, smtpPort: smtp.port, publicUrl: origin, secrets, settings });
  const appLog = path.join(WORK_DIR, "app.log");
  rmSync(appLog, { force: true });
  const appPort = await freePort(c.ports.app);
  // "localhost", not "127.0.0.1": see check-home-page.ts (checked below on the second instance).
  const appOrigin = `http://localhost:${appPort}`;
  const profileDir = path.join(WORK_DIR, "cpu-profile");
  rmSync(profileDir, { recursive: true, force: true });
  const nodeArgs = c.cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const app = await startNextServer({ hostname: "localhost", port: appPort, env: envFor(appOrigin, c.appEnv), logFile: appLog, nodeArgs });
  teardown.add("stop npm start", app.stop);
  log(`npm start on ${app.url} (pid ${app.pid}, log ${path.relative(ROOT, appLog)})`);

  await runAppPhases({ app, databaseUrl: database.url, databaseName: database.name, statementStats: database.statementStats, smtp, appSecret: secrets.APP_SECRET, log }, results);
  await app.stop();
  if (c.cpuProfile) results.cpuProfile = await attempt("CPU profile", log, async () => summariseCpuProfile(profileDir));

  const baseline = await attempt("baseline", log, async () => {
    await runBaselinePhases({ databaseUrl: database.url, workDir: WORK_DIR, log, results });
    return { ok: true };
  });
  if ("error" in baseline) results.baseline.error = baseline.error;

  log("profile: submitInquiry's steps in a plain Node process");
  results.submissionProfile = await attempt("submission profile", log, () =>
    runSubmissionProfile({ env: envFor(appOrigin, c.appEnv), workDir: WORK_DIR, count: 200 }),
  );

  results.rateLimits = await attempt("rate-limit check", log, async () => {
    // The load phases filled the shared counters; start from empty ones.
    await withClient(database.url, (client) => client.query(`DELETE FROM "RateLimitBucket"`));
    const port = await freePort(c.ports.rateLimitApp);
    const settings = { ...c.appEnv, RATE_LIMIT_IP_MAX: String(c.rateLimitCheck.ipMax), RATE_LIMIT_GLOBAL_MAX: "300" };
    log(`rate limits: second app on 127.0.0.1:${port} with RATE_LIMIT_IP_MAX=${c.rateLimitCheck.ipMax}, RATE_LIMIT_GLOBAL_MAX=300 (the default)`);
    const limited = await startNextServer({ hostname: "127.0.0.1", port, env: envFor(`http://127.0.0.1:${port}`, settings), logFile: appLog });
    teardown.add("stop the rate-limited next start", limited.stop);
    try {
      results.homePageOn127 = await attempt("home page check", log, () => checkHomePage({ baseUrl: limited.url }));
      return await checkRateLimits({ url: limited.url, ipMax: c.rateLimitCheck.ipMax, submissions: c.rateLimitCheck.submissions, nextToken: freshTokens(secrets.APP_SECRET) });
    } finally {
      await limited.stop();
    }
  });

  results.inbox = await attempt("inbox benchmark", log, () =>
    runInboxBench({ serverUrl: postgres.serverUrl, dropLeftovers: postgres.embedded, env: envFor(appOrigin, c.appEnv), workDir: WORK_DIR, log, teardown }),
  );

  const rows = buildReportRows(results);
  const runtimeSeconds = Math.round((performance.now() - started) / 1000);
  console.log(`\n${formatTable(rows)}`);
  const file = writeResults({ machine, startedAt, runtimeSeconds, results, rows });
  console.log(`\nruntime ${runtimeSeconds} s${results.build.built ? ` (build ${Math.round(results.build.seconds)} s)` : ""}; results in ${path.relative(ROOT, file)}`);
  console.log("Targets are informational: a ✗ is a finding, not a failure. Machine-dependent: compare runs on the same machine only.");
}

main()
  .then(() => teardown.runAll())
  .catch(async (error: unknown) => {
    console.error(`[bench] could not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await teardown.runAll();
    process.exitCode = 1;
  });
