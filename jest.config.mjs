// @ts-check
import nextJest from "next/jest.js";

// next/jest gives the SWC transform and Next's module handling; projects split
// tests that may stub (unit) from tests that talk to real PostgreSQL and a real
// SMTP server (integration). Each project is built through next/jest on its own
// because next/jest does not carry its transform into `projects`. (Plain JS so
// Jest needs no ts-node to read it.)
const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const shared = {
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // `server-only` throws outside React Server Components; in tests the
    // guarded modules run in plain Node, which is what they are written for.
    "^server-only$": "<rootDir>/__tests__/support/empty-module.ts",
  },
};

/** @type {import('jest').Config} */
const unit = {
  ...shared,
  displayName: "unit",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts?(x)"],
};

/** @type {import('jest').Config} */
const integration = {
  ...shared,
  displayName: "integration",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts?(x)"],
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
  setupFiles: ["<rootDir>/__tests__/support/quiet-logs.ts"],
};

export default async function config() {
  return {
    // Integration tests wait on real servers (SMTP retries, database start-up).
    testTimeout: 60_000,
    projects: [await createJestConfig(unit)(), await createJestConfig(integration)()],
  };
}
