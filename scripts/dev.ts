import { prepareDevEnvironment } from "./support/prepare-dev-environment";
import { runNext } from "./support/run-next";

// `npm run dev`: everything a new contributor needs, with no set-up.
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[dev] ${message}`);
  const environment = await prepareDevEnvironment({ log });
  log("staff area: /staff (invite-only). Create the first administrator in another terminal with");
  log("  npm run staff:create-admin -- --email you@clinic.example");
  log("invitation emails land in the mail folder above.");
  runNext({ args: ["dev", ...process.argv.slice(2)], environment });
}

main().catch((error: unknown) => {
  console.error(`[dev] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
