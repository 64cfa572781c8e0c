import { testServerState } from "./test-server-state";

/** Stops the embedded server globalSetup started; a TEST_DATABASE_URL server is left alone. */
export default async function globalTeardown(): Promise<void> {
  const server = testServerState.embedded;
  if (!server) return;
  testServerState.embedded = undefined;
  // In watch mode globalSetup runs again and must start a fresh server rather
  // than trust the URL of this stopped one.
  delete process.env.TEST_DATABASE_URL;
  await server.stop();
}
