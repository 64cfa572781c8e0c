import { Counter, register } from "prom-client";

// Counted by the production HTTP server (scripts/support/serve-next.ts) for
// every response it finishes. That server is loaded outside the Next.js
// bundle, where `server-only` modules such as lib/metrics/registry.ts cannot
// be imported, so the same idempotent lookup is done here; prom-client is a
// server-external package (next.config.js), so both sides share one default
// registry and /api/metrics reports this counter. The label is the status
// class only (2xx … 5xx), never a path: paths can carry identifiers.
const NAME = "iop_http_responses_total";

const responses =
  (register.getSingleMetric(NAME) as Counter<"status_class"> | undefined) ??
  new Counter({ name: NAME, help: "HTTP responses by status class", labelNames: ["status_class"] as const });

export function statusClassOf(status: number): "1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "other" {
  if (status >= 100 && status < 200) return "1xx";
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 300 && status < 400) return "3xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500 && status < 600) return "5xx";
  return "other";
}

export function countHttpResponse(status: number): void {
  responses.inc({ status_class: statusClassOf(status) });
}
