import { counter } from "@/lib/metrics/registry";

// Counted by the production HTTP server for every response it finishes. The
// label is the status class only (2xx … 5xx), never a path: paths can carry
// identifiers.
const responses = counter({
  name: "iop_http_responses_total",
  help: "HTTP responses by status class",
  labelNames: ["status_class"] as const,
});

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
