import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Where raw pg is allowed (decision 7, docs/decisions/0007-three-ways-to-the-database.md):
// before Prisma can run or as another role, on a dedicated session, and the
// single-statement hot paths.
const RAW_PG_ALLOWED = [
  "lib/db/**",
  "lib/startup/preflight/**",
  "lib/health/**",
  "lib/keys/**",
  "lib/notifications/**",
  "lib/triage/jobs/with-advisory-lock.ts",
  "lib/inquiries/store-inquiry.ts",
  "lib/inquiries/store-inquiry-statement.ts",
  "lib/webhooks/load-webhook-endpoint.ts",
  "lib/webhooks/record-webhook-attempt.ts",
  "lib/webhooks/send-webhook-notification.ts",
];

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
    // Raw pg: only where decision 7 (docs/decisions/0007-three-ways-to-the-database.md) says a
    // Prisma client cannot be used; everything else goes through getDb(). And never the
    // unparameterised $queryRawUnsafe / $executeRawUnsafe.
    files: ["app/**", "components/**", "lib/**", "instrumentation.ts", "proxy.ts"],
    ignores: RAW_PG_ALLOWED,
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "pg", message: "Use getDb() (decision 7); raw pg is for the listed hot paths, sessions and roles only." }] }],
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use the $queryRaw tagged template: it parameterises every value." },
        { property: "$executeRawUnsafe", message: "Use the $executeRaw tagged template: it parameterises every value." },
      ],
    },
  },
  {
    // Dependencies run one way: app/ → components/ → lib/. A component gets a
    // server action as a prop from its page, never by importing app/; lib/
    // knows neither. (Repeats the pg rule: a later entry replaces a rule.)
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pg", message: "Use getDb() (decision 7)." }],
          patterns: [{ group: ["@/app/*", "@/app"], message: "components/ never imports app/: take the server action as a prop from the page." }],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: RAW_PG_ALLOWED,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pg", message: "Use getDb() (decision 7); raw pg is for the listed hot paths, sessions and roles only." }],
          patterns: [{ group: ["@/app/*", "@/app", "@/components/*", "@/components"], message: "lib/ is the domain: it imports neither app/ nor components/." }],
        },
      ],
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
