import "server-only";
import pino from "pino";

// Structured JSON logs. House rule: log ids, reference codes, counts and error
// classes, never personal data. Redaction is the safety net for mistakes: a
// field with one of these names is replaced wherever it appears.
const SENSITIVE_KEYS = [
  "firstName", "referrerName", "referrerRelationship", "phone", "email", "message", "personAware",
  "password", "token", "formToken", "authorization", "cookie", "text", "html", "subject", "to",
  "databaseUrl", "connectionString", "ip",
];

export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "iop-intake" },
  redact: {
    paths: SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
    censor: "[redacted]",
  },
  // Error objects from drivers can carry query parameters or connection strings
  // in their message: keep only the class and code.
  serializers: { err: (err: unknown) => describeError(err) },
};

export const logger = pino(loggerOptions);

// Duck-typed rather than `instanceof Error`: errors raised in another realm
// (a vm context, a worker) are not instances of this realm's Error.
export function describeError(err: unknown): { type: string; code?: string } {
  if (typeof err !== "object" || err === null) return { type: typeof err };
  const { name, code } = err as { name?: unknown; code?: unknown };
  const type = err.constructor?.name && err.constructor.name !== "Object" ? err.constructor.name : name;
  return { type: typeof type === "string" ? type : "object", ...(typeof code === "string" ? { code } : {}) };
}
