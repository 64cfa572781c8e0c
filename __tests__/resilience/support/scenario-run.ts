import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Check, ScenarioResult } from "@/scripts/write-reliability-report";
import { RESULTS_DIR } from "./paths";

export type ScenarioRun = { result(): ScenarioResult; check(name: string): Check };

function save(result: ScenarioResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `scenario-${result.id}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

/**
 * Runs a scenario once, in beforeAll, and saves its result for the report
 * (also when it fails halfway, with the error). The tests then assert its
 * checks one by one, so a failure names the property that broke.
 */
export function runScenario(options: {
  id: number;
  title: string;
  timeoutMs: number;
  run: () => Promise<Omit<ScenarioResult, "id" | "title">>;
}): ScenarioRun {
  let result: ScenarioResult | undefined;
  beforeAll(async () => {
    const started = Date.now();
    try {
      const ran = await options.run();
      // Start-up (database, servers, workers) and teardown included.
      const durationsSeconds = { ...ran.durationsSeconds, "whole scenario": (Date.now() - started) / 1000 };
      result = { id: options.id, title: options.title, ...ran, durationsSeconds };
    } catch (error) {
      save({
        id: options.id,
        title: options.title,
        summary: "did not complete",
        parameters: {},
        figures: {},
        durationsSeconds: {},
        checks: [],
        notes: [],
        error: error instanceof Error ? error.message.split("\n")[0] : String(error),
      });
      throw error;
    }
    save(result);
  }, options.timeoutMs);

  const get = () => {
    if (!result) throw new Error(`scenario ${options.id} produced no result (see the beforeAll error above)`);
    return result;
  };
  return {
    result: get,
    check(name) {
      const found = get().checks.find((check) => check.name === name);
      if (!found) throw new Error(`scenario ${options.id} has no check named "${name}"`);
      return found;
    },
  };
}

/** Fails with the check's evidence in the diff when it did not pass. */
export function expectPassed(check: Check): void {
  expect(check).toEqual({ ...check, passed: true });
}
