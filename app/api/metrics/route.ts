import { getEnv } from "@/lib/env";
import { checkMetricsToken } from "@/lib/metrics/check-metrics-token";
import { refreshOutboxGauges } from "@/lib/metrics/outbox-state-metrics";
import { metricsRegistry } from "@/lib/metrics/registry";
import { problemResponse } from "@/lib/http/problem-response";

// Prometheus scrape endpoint. Off unless METRICS_TOKEN is set, and then only
// for `Authorization: Bearer <METRICS_TOKEN>`. Every label is a closed enum
// chosen in code (see lib/metrics/registry.ts): nothing here identifies a
// person or an inquiry.
export async function GET(request: Request): Promise<Response> {
  const access = checkMetricsToken({ configured: getEnv().METRICS_TOKEN, authorization: request.headers.get("authorization") });
  if (access === "disabled") return problemResponse({ status: 404, title: "Metrics are disabled", detail: "Set METRICS_TOKEN to enable them." });
  if (access === "unauthorized") {
    return problemResponse({ status: 401, title: "Bearer token required", headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  await refreshOutboxGauges();
  return new Response(await metricsRegistry.metrics(), {
    headers: { "Content-Type": metricsRegistry.contentType, "Cache-Control": "no-store" },
  });
}
