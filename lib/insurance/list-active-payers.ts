import "server-only";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";
import type { PayerOption } from "@/lib/validations/insurance-options";

// The payers the public form offers, read per request so an admin's change
// shows at once. A failed read must never break the form: the person then
// sees only "other" (free text), and the server still checks the answer.
export async function listActivePayers(): Promise<PayerOption[]> {
  try {
    return await getDb().payer.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { label: "asc" }], select: { code: true, label: true } });
  } catch (err) {
    logger.warn({ err }, "payer list unavailable; the form offers only 'other'");
    return [];
  }
}
