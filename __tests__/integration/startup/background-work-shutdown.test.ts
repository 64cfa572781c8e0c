import { disconnectDb } from "@/lib/db/client";
import { startProcessWorker } from "@/lib/notifications/start-process-worker";
import { onShutdown, runShutdownHooks } from "@/lib/startup/shutdown-hooks";
import { startProcessTriageJobs } from "@/lib/triage/jobs/start-process-triage-jobs";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

// The process's owner (scripts/start.ts, scripts/worker.ts) handles signals;
// the outbox worker and the triage jobs only register what to finish.
provideTestDatabase();

beforeAll(() => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
});
onTestDatabaseTeardown(() => disconnectDb());

it("the worker and the triage jobs take no signal handlers and stop through the shutdown hooks", async () => {
  const signals = { term: process.listenerCount("SIGTERM"), int: process.listenerCount("SIGINT") };
  const order: string[] = [];
  onShutdown("registered first", async () => {
    order.push("first");
  });
  const worker = startProcessWorker();
  startProcessTriageJobs();
  expect(startProcessWorker()).toBe(worker);
  expect({ term: process.listenerCount("SIGTERM"), int: process.listenerCount("SIGINT") }).toEqual(signals);

  const stopped = jest.spyOn(worker, "stop");
  expect(await runShutdownHooks()).toEqual([]);
  expect(stopped).toHaveBeenCalledTimes(1);
  // Newest first: what was registered before the workers runs after them.
  expect(order).toEqual(["first"]);
  expect(await runShutdownHooks()).toEqual([]);
});
