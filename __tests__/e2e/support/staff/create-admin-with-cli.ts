import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { asRuntimeRole } from "../../../support/runtime-role";
import { ROOT } from "../paths";
import { e2eSettings } from "../settings";

const secret = () => randomBytes(32).toString("base64");

/**
 * `npm run staff:create-admin -- --email … --name …` against the suite's
 * database, the password piped to standard input the way an operator would
 * (`printf '%s\n' "$PW" | npm run …`), never on the command line.
 *
 * The command gets its own keys: an account's password hash does not depend
 * on them (scrypt with a random salt), and the server's are not handed to the
 * specs. In production the command, like `npm start`, refuses to run without
 * a complete configuration, so it gets one: it connects as the runtime role,
 * and its SMTP_URL names a port nothing listens on, as it sends no mail.
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
      FIELD_ENCRYPTION_KEY: `cli:${secret()}`,
      LOOKUP_HMAC_KEY: secret(),
      APP_SECRET: secret(),
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
