// @ts-check
import nextJest from "next/jest.js";

// `npm run test:resilience`: the production build under load and failure
// (SMTP outage, a killed app process, dropped database connections, several
// instances and workers, hostile input). Kept out of `npm test` (whose
// projects match only __tests__/unit and __tests__/integration) because it
// takes minutes and starts servers. Scenarios run one at a time: each one
// loads the machine on purpose, and they must not disturb each other.
const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  displayName: "resilience",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/resilience/**/*.test.ts"],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    "^server-only$": "<rootDir>/__tests__/support/empty-module.ts",
  },
  // Build output and database files are not modules of this project.
  modulePathIgnorePatterns: ["<rootDir>/\\.next", "<rootDir>/\\.data", "<rootDir>/test-results"],
  globalSetup: "<rootDir>/__tests__/resilience/support/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/resilience/support/global-teardown.ts",
  maxWorkers: 1,
  // Name every check in the output, as the report does.
  verbose: true,
  // Each scenario's beforeAll carries its own, larger timeout.
  testTimeout: 60_000,
};

export default createJestConfig(config);
