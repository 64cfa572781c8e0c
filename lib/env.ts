import { z } from "zod";
import { parseKeyring } from "@/lib/crypto/keyring-format";
import { parseTrustedProxies } from "@/lib/security/trusted-proxies";
import { parseEmbedOrigins } from "@/lib/security/embed-origins";

// Every environment variable the app reads, parsed once. A bad value fails at
// start-up (instrumentation.ts and the scripts call getEnv() first) with a
// message naming the variable, never halfway through a request.

const base64Key = (name: string) =>
  z
    .string()
    .refine((v) => Buffer.from(v, "base64").length >= 32, `${name} must be at least 32 bytes, base64-encoded`);

const emailList = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.email()).min(1, "at least one address"));

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_SINK_DIR: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default("Intake notifications <no-reply@localhost>"),
    INTAKE_NOTIFY_TO: emailList,
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    FIELD_ENCRYPTION_KEY: z.string().regex(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]+$/, "must be keyId:base64key"),
    FIELD_ENCRYPTION_PREVIOUS_KEYS: z.string().default(""),
    LOOKUP_HMAC_KEY: base64Key("LOOKUP_HMAC_KEY"),
    APP_SECRET: base64Key("APP_SECRET"),
    FORM_MIN_FILL_SECONDS: z.coerce.number().min(0).max(60).default(3),
    // Submissions per network (and overall) per window before the form asks
    // for a proof of work; 0 asks always (tests, or a clinic under attack).
    RATE_LIMIT_IP_MAX: z.coerce.number().int().min(0).default(10),
    RATE_LIMIT_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    RATE_LIMIT_GLOBAL_MAX: z.coerce.number().int().min(0).default(300),
    RATE_LIMIT_GLOBAL_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    // How long a public submission's address hash and User-Agent are kept
    // (abuse control only; lib/triage/jobs purges them): at least a day.
    REQUEST_METADATA_RETENTION_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    // What counts as one network for the thresholds. IPv4 by /24 rather than
    // the whole address: past a threshold people are asked for a second's proof
    // of work, never refused, so grouping a shared network (a library, a
    // campus NAT) costs them little, while a whole address would let anyone
    // renting a /24 rotate 256 ways past it. IPv6 by /64, the smallest block
    // a subscriber or a server is given.
    RATE_LIMIT_IPV4_PREFIX: z.coerce.number().int().min(8).max(32).default(24),
    RATE_LIMIT_IPV6_PREFIX: z.coerce.number().int().min(16).max(128).default(64),
    CHALLENGE_BASE_COST: z.coerce.number().int().min(1000).max(10_000_000).default(20_000),
    CHALLENGE_MAX_COST: z.coerce.number().int().min(1000).max(100_000_000).default(1_000_000),
    CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    FORM_TOKEN_MINT_MAX: z.coerce.number().int().min(1).default(30),
    FORM_TOKEN_MINT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    // Proxy networks (CIDR, comma-separated); when set, used instead of TRUST_PROXY_HOPS.
    TRUSTED_PROXY_CIDRS: z.string().default("").refine(validProxyCidrs, "must be IP addresses or CIDR networks, comma-separated"),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
    NOTIFY_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5000),
    // How long a claimed notification is held before another worker may send it;
    // kept above the SMTP timeouts (10 s connect, 20 s socket) plus the outbox's
    // own retries, or a slow send could be claimed and sent twice.
    NOTIFY_LEASE_SECONDS: z.coerce.number().int().min(30).max(3600).default(120),
    WORKER_IN_PROCESS: flag.default(true),
    // Issue 13: a webhook endpoint is paused once it has failed this many times
    // in a row AND has been failing for at least this many minutes.
    WEBHOOK_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
    WEBHOOK_PAUSE_AFTER_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    // Issue 13: allow the FHIR hand-off before the person is admitted (clinic policy).
    FHIR_EXPORT_BEFORE_ADMISSION: flag.default(false),
    // Optional: a FHIR server that receives hand-offs (POSTed through the outbox), and its bearer token.
    FHIR_ENDPOINT_URL: z.url({ protocol: /^https?$/ }).optional(),
    FHIR_ENDPOINT_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    // Issue 13: sites allowed to show the public pages in an iframe (comma-separated origins; default none).
    EMBED_ALLOWED_ORIGINS: z.string().default(""),
    STAFF_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(2).max(60).default(15),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
    // Prometheus endpoint (/api/metrics): off unless set; scrapers send it as a bearer token.
    METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
    // /api/health/ready answers 503 when the outbox's oldest waiting email is older than this…
    READY_OUTBOX_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(900),
    // …or when more notifications than this have given up (FAILED, waiting for an admin's retry).
    READY_OUTBOX_MAX_FAILED: z.coerce.number().int().min(0).default(0),
  })
  .refine((env) => env.SMTP_URL || env.MAIL_SINK_DIR, {
    message: "set SMTP_URL (real mail) or MAIL_SINK_DIR (dev: write .eml files)",
    path: ["SMTP_URL"],
  })
  .superRefine((env, ctx) => {
    // Key lengths and ids are checked here, at start-up, not at the first encryption.
    if (Boolean(env.FHIR_ENDPOINT_URL) !== Boolean(env.FHIR_ENDPOINT_TOKEN)) {
      ctx.addIssue({ code: "custom", path: ["FHIR_ENDPOINT_TOKEN"], message: "set FHIR_ENDPOINT_URL and FHIR_ENDPOINT_TOKEN together" });
    }
    if (env.NODE_ENV === "production" && env.FHIR_ENDPOINT_URL?.startsWith("http:")) {
      ctx.addIssue({ code: "custom", path: ["FHIR_ENDPOINT_URL"], message: "must start with https:// in production" });
    }
    try {
      parseEmbedOrigins(env.EMBED_ALLOWED_ORIGINS, { production: env.NODE_ENV === "production" });
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["EMBED_ALLOWED_ORIGINS"], message: error instanceof Error ? error.message : "invalid" });
    }
    try {
      parseKeyring(env.FIELD_ENCRYPTION_KEY, env.FIELD_ENCRYPTION_PREVIOUS_KEYS);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["FIELD_ENCRYPTION_KEY"], message: error instanceof Error ? error.message : "invalid" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

// Every variable name the app reads (test suites start app processes without
// whatever of these a developer's shell happens to set).
export const ENV_VARIABLE_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

export class InvalidEnvironmentError extends Error {}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const result = EnvSchema.safeParse(process.env, { error: (issue) => (issue.input === undefined ? "is not set" : undefined) });
  const strict = process.env.NODE_ENV === "production" ? productionIssues(process.env) : [];
  if (!result.success || strict.length > 0) {
    // One message naming every variable at fault; a production rule replaces
    // the schema's own complaint about the same variable.
    const named = new Set(strict.map((issue) => issue.name));
    const schemaIssues = result.success ? [] : result.error.issues.filter((i) => !named.has(String(i.path[0])));
    const lines = [
      ...strict.map((i) => `  ${i.name}: ${i.message}`),
      ...schemaIssues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`),
    ];
    throw new InvalidEnvironmentError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

function validProxyCidrs(value: string): boolean {
  try {
    parseTrustedProxies(value);
    return true;
  } catch {
    return false;
  }
}

// What production (`npm start`, `npm run worker`) demands beyond the schema:
// no development fallback is filled in, nothing is silently weakened.
const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "SMTP_URL",
  "INTAKE_NOTIFY_TO",
  "PUBLIC_URL",
  "FIELD_ENCRYPTION_KEY",
  "LOOKUP_HMAC_KEY",
  "APP_SECRET",
] as const;

// pg 8 verifies the server certificate for every sslmode except these two
// forms (node-postgres's `no-verify`, and libpq's own weak modes when asked for).
const UNVERIFIED_SSLMODES = new Set(["no-verify"]);
const UNVERIFIED_LIBPQ_SSLMODES = new Set(["prefer", "require"]);

function productionIssues(raw: NodeJS.ProcessEnv): { name: string; message: string }[] {
  const issues: { name: string; message: string }[] = [];
  for (const name of REQUIRED_IN_PRODUCTION) {
    if (!raw[name]?.trim()) issues.push({ name, message: "is not set (required in production)" });
  }
  if (raw.MAIL_SINK_DIR) {
    issues.push({ name: "MAIL_SINK_DIR", message: "must not be set in production: it writes mail to files nobody reads; set SMTP_URL" });
  }
  const smtp = parseUrl(raw.SMTP_URL);
  if (smtp && smtp.search !== "") {
    // nodemailer turns query parameters into transport options, including
    // ones that switch TLS or certificate verification off.
    issues.push({ name: "SMTP_URL", message: "must not carry options in a query string in production (TLS is required and certificates are verified)" });
  }
  if (raw.NODE_TLS_REJECT_UNAUTHORIZED === "0") {
    // Node's switch that turns certificate checks off for every TLS connection (SMTP, PostgreSQL).
    issues.push({ name: "NODE_TLS_REJECT_UNAUTHORIZED", message: "must not be 0 in production: it turns every certificate check off" });
  }
  if (raw.PGSSLMODE && UNVERIFIED_SSLMODES.has(raw.PGSSLMODE)) {
    issues.push({ name: "PGSSLMODE", message: `${raw.PGSSLMODE} does not verify the database server's certificate` });
  }
  const database = parseUrl(raw.DATABASE_URL);
  const sslmode = database?.searchParams.get("sslmode") ?? "";
  const libpq = database?.searchParams.get("uselibpqcompat") === "true";
  if (UNVERIFIED_SSLMODES.has(sslmode) || (libpq && UNVERIFIED_LIBPQ_SSLMODES.has(sslmode))) {
    issues.push({ name: "DATABASE_URL", message: `sslmode=${sslmode} does not verify the server certificate; use sslmode=verify-full (or omit sslmode on a private network)` });
  }
  return issues;
}

function parseUrl(value: string | undefined): URL | undefined {
  try {
    return value ? new URL(value) : undefined;
  } catch {
    return undefined;
  }
}
