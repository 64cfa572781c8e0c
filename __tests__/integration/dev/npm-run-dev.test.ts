import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";

// The promise of the README: on a machine with nothing configured, `npm run dev`
// starts an embedded PostgreSQL, migrates it, serves the app, accepts an
// inquiry and drops the staff notification into the mail folder.

const ROOT = path.resolve(__dirname, "../../..");
let child: ChildProcess | undefined;
let dataDir: string;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`npm run dev exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm run dev did not become healthy:\n${output}`);
}

const running = () => child?.exitCode === null && child.signalCode === null;

function signalGroup(signal: NodeJS.Signals): void {
  try {
    if (child?.pid) process.kill(-child.pid, signal);
  } catch {
    // the process group is already gone
  }
}

function postmasterAlive(): boolean {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return condition();
}

afterAll(async () => {
  signalGroup("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

it("starts with an embedded database and a mail sink, and accepts an inquiry", async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "iop-dev-"));
  chmodSync(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
  const [appPort, dbPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development" };
  Object.assign(env, { IOP_DATA_DIR: dataDir, PORT: String(appPort), EMBEDDED_POSTGRES_PORT: String(dbPort), FORM_MIN_FILL_SECONDS: "0" });
  child = spawn("npm", ["run", "dev"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const base = `http://127.0.0.1:${appPort}`;
  await waitForHealth(`${base}/api/health`, 120_000);
  expect(output).toContain(`embedded PostgreSQL on 127.0.0.1:${dbPort}`);
  expect(output).toContain("applied migrations: 20261126000000_init");

  const page = await fetch(`${base}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Request a confidential call back");

  const token = (await (await fetch(`${base}/api/v1/form-tokens`, { method: "POST" })).json()) as { formToken: string };
  const inquiry = {
    requesterType: "SELF",
    firstName: "Devtest",
    phone: "212-555-0142",
    preferredContactMethod: "PHONE",
    preferredLanguage: "en",
    consent: true,
    consentTextVersion: CONSENT_TEXT_VERSION,
  };
  const response = await fetch(`${base}/api/v1/inquiries`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ formToken: token.formToken, inquiry }),
  });
  expect(response.status).toBe(201);
  const { referenceCode } = (await response.json()) as { referenceCode: string };

  const mailDir = path.join(dataDir, "mail");
  const deadline = Date.now() + 20_000;
  let files: string[] = [];
  while (files.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    files = readdirSync(mailDir).filter((file) => file.endsWith(".eml"));
  }
  expect(files).toHaveLength(1);
  const mail = readFileSync(path.join(mailDir, files[0] ?? ""), "utf8");
  expect(mail).toContain(`Subject: New intake request ${referenceCode}`);
  expect(mail).not.toContain("Devtest");
  expect(output).toContain(path.join(mailDir, files[0] ?? ""));

  // Ctrl-C in the terminal reaches the whole process group: the app stops and
  // takes the embedded PostgreSQL server down with it.
  expect(postmasterAlive()).toBe(true);
  signalGroup("SIGINT");
  expect(await until(() => !running(), 20_000)).toBe(true);
  expect(await until(() => !postmasterAlive(), 20_000)).toBe(true);
}, 180_000);
