// `npm run staff:create-admin -- --email you@clinic.example [--name "Your Name"]`
// Creates the first administrator. The password is read from standard input
// (typed at a hidden prompt, or piped), never from the command line, where
// it would end up in shell history and the process list.
import { parseArgs } from "node:util";
import { exitWith } from "./support/exit-with";
import { loadProductionEnvironment } from "./support/load-production-environment";
import { prepareDevEnvironment } from "./support/prepare-dev-environment";
import { readSecretFromStdin } from "./support/read-secret";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) {
    console.error('Usage: npm run staff:create-admin -- --email you@clinic.example [--name "Your Name"]');
    return 2;
  }
  const log = (message: string) => console.error(message);
  // Production: the same refusal as `npm start`; otherwise the dev database and keys.
  const local =
    process.env.NODE_ENV === "production"
      ? await loadProductionEnvironment({ log, fail: (message) => { console.error(message); process.exit(1); } }).then(() => ({ stop: async () => {} }))
      : await prepareDevEnvironment({ log });
  try {
    const password = await readSecretFromStdin("Password (at least 12 characters): ");
    if (process.stdin.isTTY && (await readSecretFromStdin("Type it again: ")) !== password) {
      console.error("The two passwords differ; nothing was created.");
      return 1;
    }
    const { createFirstAdmin, CreateAdminRefusedError } = await import("../lib/auth/create-first-admin");
    let created: Awaited<ReturnType<typeof createFirstAdmin>>;
    try {
      created = await createFirstAdmin({ email: values.email, name: values.name ?? values.email.split("@")[0] ?? "Administrator", password });
    } catch (error) {
      if (error instanceof CreateAdminRefusedError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    // The password alone does not open the account: this one-time link (with
    // the password) leads to connecting an authenticator app.
    console.log(`Administrator ${values.email.toLowerCase()} created.`);
    console.log(`Open this link once, within 24 hours, to connect an authenticator app (until ${created.expiresAt.toUTCString()}):`);
    console.log(created.enrolmentUrl);
    return 0;
  } finally {
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
    await local.stop();
  }
}

exitWith(main);
