import { prepareLocalEnvironment } from "./support/prepare-local-environment";
import { runNext } from "./support/run-next";

// `npm start`: the production server (after `npm run build`). Applies pending
// migrations first, so a deploy is `npm ci && npm run build && npm start`.
async function main(): Promise<void> {
  const log = (message: string) => console.log(`[start] ${message}`);
  const environment = await prepareLocalEnvironment({ dev: false, log });
  runNext({ args: ["start", ...process.argv.slice(2)], environment });
}

main().catch((error: unknown) => {
  console.error(`[start] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
