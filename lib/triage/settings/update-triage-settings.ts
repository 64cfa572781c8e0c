import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { TriageSettingsValues } from "@/lib/validations/triage-settings";

// Key order does not matter (jsonb stores keys in its own order).
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

// Saves the workspace settings (already validated by TriageSettingsSchema),
// auditing what changed from what to what. None of it is personal: the
// escalation address is the clinic's own.
export async function updateTriageSettings(options: { admin: TriageActor; values: TriageSettingsValues }): Promise<{ changed: string[] }> {
  const { values } = options;
  return getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const before = await tx.triageSettings.findUniqueOrThrow({ where: { id: 1 } });
    const next = { ...values, escalationEmail: values.escalationEmail === "" ? null : values.escalationEmail };
    const previous: Record<string, unknown> = { ...before };
    const changed = Object.keys(next).filter((key) => canonical(previous[key]) !== canonical(next[key as keyof typeof next]));
    if (changed.length === 0) return { changed };
    await tx.triageSettings.update({ where: { id: 1 }, data: { ...next, updatedAt: new Date() } });
    const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, source[key] ?? null])) as Prisma.InputJsonObject;
    await recordAdminAuditEvent({ tx, actor: options.admin, action: "triage.settings.updated", metadata: { from: pick(previous), to: pick(next) } });
    return { changed };
  });
}
