import { checkMigrationsApplied } from "@/lib/startup/preflight/check-migrations-applied";
import type { PreflightCheck, PreflightContext } from "@/lib/startup/preflight/preflight-check";

/**
 * Every check `npm start` and `npm run worker` pass before serving, in order.
 * Add a check here: a module in this folder whose function throws
 * StartupRefusedError. Modules here run under plain tsx as well as inside
 * Next, so they must not import "server-only".
 */
export function preflightChecks(context: PreflightContext): PreflightCheck[] {
  return [{ name: "migrations applied", run: () => checkMigrationsApplied(context) }];
}
