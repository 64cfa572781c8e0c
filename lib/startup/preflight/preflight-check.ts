import type { ClientBase } from "pg";

/** What every pre-flight check may use: one connection as the runtime role. */
export type PreflightContext = { client: ClientBase; migrationsDir: string };

/** One reason not to start; throws StartupRefusedError with the operator's next step. */
export type PreflightCheck = { name: string; run: () => Promise<void> };
