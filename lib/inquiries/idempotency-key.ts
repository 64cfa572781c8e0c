import "server-only";
import { createHmac } from "node:crypto";
import type { Inquiry } from "@/lib/validations/inquiry";

// One inquiry per form render *and* set of answers: a double click or a retried
// POST maps to the stored row, while a person who goes back and corrects a
// typo gets their corrected inquiry stored rather than silently dropped.
export function idempotencyKeyFor(options: { secret: Buffer; nonce: string; inquiry: Inquiry }): string {
  return createHmac("sha256", options.secret)
    .update(`idempotency\u0000${options.nonce}\u0000${JSON.stringify(options.inquiry)}`)
    .digest("hex");
}
