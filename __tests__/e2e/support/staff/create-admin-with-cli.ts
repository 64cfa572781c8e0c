import { spawn } from "node:child_process";
import { asRuntimeRole } from "../../../support/runtime-role";
import { ROOT } from "../paths";
import { e2eSettings } from "../settings";

/**
 * `npm run staff:create-admin -- --email … --name …` against the suite's
 * database, the password piped to standard input the way an operator would
 * (`printf '%s\n' "$PW" | npm run …`), never on the command line.
 *
 * In production the command, like `npm start`, refuses to run without a
 * complete configuration whose keys open the stored data, so it gets the
 * installation's: the server's keys, the runtime role, and an SMTP_URL naming
 * a port nothing listens on, as it sends no mail.
 */
export async function createAdminWithCli(options: { email: string; name: string; password: string }): Promise<{ output: string }> {
  const child = spawn("npm", ["run", "--silent", "staff:create-admin", "--", "--email", options.email, "--name", options.name], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: asRuntimeRole(e2eSettings().databaseUrl),
      PUBLIC_URL: e2eSettings().baseUrl,
      SMTP_URL: "smtp://127.0.0.1:1",
      ...e2eSettings().keys,
      INTAKE_NOTIFY_TO: "intake@clinic.example",
      LOG_LEVEL: "warn",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stdin.end(`${options.password}\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`staff:create-admin exited with ${code}:\n${output}`);
  if (output.includes(options.password)) throw new Error("staff:create-admin printed the password");
  return { output };
}
