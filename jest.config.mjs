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

// Packages published only as ES modules (Better Auth and what it imports):
// Jest runs CommonJS, so these must go through the SWC transform too.
const ESM_ONLY = ["better-auth", "@better-auth", "better-call", "@better-fetch", "jose", "nanostores", "@noble", "rou3", "defu", "kysely"];

/** @param {import('jest').Config} config */
function transformEsmOnlyPackages(config) {
  const patterns = config.transformIgnorePatterns ?? [];
  return {
    ...config,
    transformIgnorePatterns: patterns.map((pattern) =>
      pattern.startsWith("/node_modules/(?!.pnpm)(?!(") ? pattern.replace("(?!(", `(?!(${ESM_ONLY.join("|")}|`) : pattern,
    ),
  };
}

export default async function config() {
  return {
    // Integration tests wait on real servers (SMTP retries, database start-up).
    testTimeout: 60_000,
    projects: [
      transformEsmOnlyPackages(await createJestConfig(unit)()),
      transformEsmOnlyPackages(await createJestConfig(integration)()),
    ],
  };
}
