import nextJest from "next/jest.js";
import type { Config } from "jest";

// next/jest gives the SWC transform and Next's module handling; projects split
// tests that may stub (unit) from tests that talk to real PostgreSQL and a real
// SMTP server (integration). Each project is built through next/jest on its own
// because next/jest does not carry its transform into `projects`.
const createJestConfig = nextJest({ dir: "./" });

const shared: Config = {
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // `server-only` throws outside React Server Components; in tests the
    // guarded modules run in plain Node, which is what they are written for.
    "^server-only$": "<rootDir>/__tests__/support/empty-module.ts",
  },
};

const unit: Config = {
  ...shared,
  displayName: "unit",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts?(x)"],
};

const integration: Config = {
  ...shared,
  displayName: "integration",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts?(x)"],
  globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
  testTimeout: 60_000,
};

export default async function config(): Promise<Config> {
  return {
    projects: [await createJestConfig(unit)(), await createJestConfig(integration)()],
  } as Config;
}
