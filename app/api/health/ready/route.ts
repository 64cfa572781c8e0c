import { checkReadiness } from "@/lib/health/check-readiness";

// Readiness for monitoring and orchestrators: 200 when ready, 503 with the
// same JSON when not (see lib/health/check-readiness.ts for what is checked).
export async function GET(): Promise<Response> {
  const { ready, ...checks } = await checkReadiness();
  return Response.json(
    { status: ready ? "ready" : "not_ready", ...checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
