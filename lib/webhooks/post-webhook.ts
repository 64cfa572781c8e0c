import "server-only";
import type { WebhookHeaders } from "@/lib/webhooks/sign-webhook";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookPostResult = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null };

// One POST to a receiver. Redirects are not followed (a 3xx is a failure: a
// signed body must not be replayed to wherever a receiver points), the whole
// exchange is bounded by a timeout, and the response body is never read or
// kept: only the status and how long it took.
export async function postWebhook(options: { url: string; body: string; headers: WebhookHeaders; timeoutMs?: number }): Promise<WebhookPostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "iop-intake-webhooks/1", ...options.headers },
      body: options.body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, latencyMs: latency(), error: ok ? null : response.status < 400 && response.status >= 300 ? "redirect not followed" : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: latency(), error: describeFetchError(error) };
  }
}

// Only a class and code: a network error's message can quote the URL, which
// for Slack and Teams is itself a credential.
function describeFetchError(error: unknown): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code.slice(0, 40);
  return "network error";
}
