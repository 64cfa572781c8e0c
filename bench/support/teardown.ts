// Everything the benchmark starts registers how to stop it here, and it is all
// stopped in reverse order: at the end of a run, when a phase throws, and on
// Ctrl-C or SIGTERM. A failing clean-up is reported and the rest still run.
export type Teardown = {
  add(name: string, run: () => Promise<void>): void;
  runAll(): Promise<void>;
};

export function createTeardown(log: (message: string) => void): Teardown {
  const steps: { name: string; run: () => Promise<void> }[] = [];
  let running: Promise<void> | undefined;

  const runAll = () => {
    running ??= (async () => {
      for (const step of steps.splice(0).reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`teardown: could not ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return running;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping everything the benchmark started…`);
    void runAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  return {
    add: (name, run) => {
      steps.push({ name, run });
    },
    runAll,
  };
}
