import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { referralSourceCode, type ReferralSourceCommand } from "@/lib/validations/referral-source";

// Adds, renames, retires or brings back a referral source. Codes never
// change and sources are never deleted, so past inquiries and reports keep
// pointing at the right one.
export async function saveReferralSource(options: { admin: TriageActor; command: ReferralSourceCommand }): Promise<{ code: string }> {
  const { command } = options;
  return getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const code = command.command === "add" ? referralSourceCode(command.label) : command.code;
    if (code === "") throw new SettingsRefusedError("Use letters or digits in the name.", "label");
    const existing = await tx.referralSource.findUnique({ where: { code } });
    if (command.command === "add" && existing) throw new SettingsRefusedError("A source with that name already exists.", "label");
    if (command.command !== "add" && !existing) throw new SettingsRefusedError("That source no longer exists.");
    if ("label" in command) {
      const clash = await tx.referralSource.findFirst({ where: { label: { equals: command.label, mode: "insensitive" }, code: { not: code } } });
      if (clash) throw new SettingsRefusedError("A source with that name already exists.", "label");
    }
    if (command.command === "add") {
      const last = await tx.referralSource.aggregate({ _max: { position: true } });
      await tx.referralSource.create({ data: { code, label: command.label, position: (last._max.position ?? 0) + 1 } });
    } else {
      await tx.referralSource.update({
        where: { code },
        data: command.command === "rename" ? { label: command.label } : { active: command.command === "activate" },
      });
    }
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "triage.referral_source.saved",
      metadata: { command: command.command, code, ...(existing ? { previousLabel: existing.label } : {}), ...("label" in command ? { label: command.label } : {}) },
    });
    return { code };
  });
}
