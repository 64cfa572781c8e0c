import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { ExitReasonCommand } from "@/lib/validations/exit-reason";

// Adds, renames, retires or brings back an exit reason. Nothing is deleted:
// inquiries keep the reason they were closed with.
export async function saveExitReason(options: { admin: TriageActor; command: ExitReasonCommand }): Promise<void> {
  const { command } = options;
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const existing = command.command === "add" ? null : await tx.exitReason.findUnique({ where: { id: command.id } });
    if (command.command !== "add" && !existing) throw new SettingsRefusedError("That reason no longer exists.");
    const stage = command.command === "add" ? command.stage : existing?.stage;
    if ("label" in command) {
      const clash = await tx.exitReason.findFirst({
        where: { stage, label: { equals: command.label, mode: "insensitive" }, ...(existing ? { id: { not: existing.id } } : {}) },
      });
      if (clash) throw new SettingsRefusedError("That outcome already has a reason with this name.", "label");
    }
    let id: string;
    if (command.command === "add") {
      const last = await tx.exitReason.aggregate({ where: { stage: command.stage }, _max: { position: true } });
      id = (await tx.exitReason.create({ data: { stage: command.stage, label: command.label, position: (last._max.position ?? 0) + 1 } })).id;
    } else {
      id = command.id;
      await tx.exitReason.update({
        where: { id },
        data: command.command === "rename" ? { label: command.label } : { active: command.command === "activate" },
      });
    }
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "triage.exit_reason.saved",
      metadata: { command: command.command, id, stage: stage ?? null, ...(existing ? { previousLabel: existing.label } : {}), ...("label" in command ? { label: command.label } : {}) },
    });
  });
}
