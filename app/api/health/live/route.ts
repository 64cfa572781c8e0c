// Liveness: the process is up and answering. Touches nothing else (no
// database), so a database outage never makes an orchestrator restart healthy
// servers. Readiness is /api/health/ready.
export function GET(): Response {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
