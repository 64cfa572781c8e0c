import type { EmbeddedPostgres } from "../../lib/db/embedded/start-embedded-postgres";

type State = { embedded?: EmbeddedPostgres };

// globalSetup and globalTeardown run in Jest's main process but may be loaded
// as separate module instances, so the handle lives on globalThis.
const holder = globalThis as typeof globalThis & { __iopTestServer?: State };

export const testServerState: State = (holder.__iopTestServer ??= {});
