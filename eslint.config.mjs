import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": true, "ts-expect-error": true, "ts-nocheck": true }],
      // Application code logs through lib/logging/logger (redacting); console
      // is allowed only in command-line scripts and tests.
      "no-console": "error",
    },
  },
  {
    files: ["scripts/**", "__tests__/**", "bench/**", "deploy/test/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
  {
    // Loaded by Next.js as CommonJS.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
