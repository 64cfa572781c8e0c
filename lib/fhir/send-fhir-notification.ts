import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { assembleHandoffBundle } from "@/lib/fhir/assemble-handoff-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { warmFhirValidator } from "@/lib/fhir/load-fhir-validator";
import type { ClaimedNotification } from "@/lib/notifications/claim-due-notifications";
import type { SendAttempt } from "@/lib/notifications/send-attempt";
import { WEBHOOK_TIMEOUT_MS } from "@/lib/webhooks/post-webhook";

// Delivers a FHIR_EXPORT row: the hand-off, rebuilt now (so a consent
// withdrawn since the coordinator pressed "send" stops it), POSTed as a
// transaction Bundle to FHIR_ENDPOINT_URL with the bearer token. Same rules
// as webhooks: a timeout, no redirects, the response body never read or kept.
export async function sendFhirNotification(options: { notification: ClaimedNotification; sendBy: number }): Promise<SendAttempt> {
  const env = getEnv();
  if (!env.FHIR_ENDPOINT_URL || !env.FHIR_ENDPOINT_TOKEN) return { kind: "failed", lastError: "no FHIR server configured" };
  warmFhirValidator();
  let body: string;
  try {
    const assembled = await getDb().$transaction((tx) =>
      assembleHandoffBundle({ tx, inquiryId: options.notification.inquiryId, type: "transaction", now: new Date() }),
    );
    body = JSON.stringify(assembled.bundle);
  } catch (error) {
    if (error instanceof FhirExportRefusedError) return { kind: "failed", lastError: "consent or stage no longer allows it" };
    throw error;
  }
  if (Date.now() > options.sendBy) return { kind: "late" };
  try {
    const response = await fetch(env.FHIR_ENDPOINT_URL, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", accept: "application/fhir+json", authorization: `Bearer ${env.FHIR_ENDPOINT_TOKEN}` },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    return response.status >= 200 && response.status < 300 ? { kind: "sent" } : { kind: "failed", lastError: `HTTP ${response.status}` };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return { kind: "failed", lastError: typeof code === "string" ? code.slice(0, 40) : "network error" };
  }
}
