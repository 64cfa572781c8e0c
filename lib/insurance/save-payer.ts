import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { payerCode, type PayerCommand } from "@/lib/validations/payer";

// Adds, renames, retires, brings back or moves a payer. Codes never change
// and payers are never deleted, so coverages keep naming the right one; a
// retired payer is no longer offered on the form and refused by the server.
// The public form reads the list per request: a change shows at once.
export async function savePayer(options: { admin: TriageActor; command: PayerCommand }): Promise<{ code: string }> {
  const { command } = options;
  return getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const code = command.command === "add" ? payerCode(command.label) : command.code;
    if (code === "") throw new SettingsRefusedError("Use letters or digits in the name.", "label");
    const existing = await tx.payer.findUnique({ where: { code } });
    if (command.command === "add" && existing) throw new SettingsRefusedError("A payer with that name already exists.", "label");
    if (command.command !== "add" && !existing) throw new SettingsRefusedError("That payer no longer exists.");
    if ("label" in command) {
      const clash = await tx.payer.findFirst({ where: { label: { equals: command.label, mode: "insensitive" }, code: { not: code } } });
      if (clash) throw new SettingsRefusedError("A payer with that name already exists.", "label");
    }
    switch (command.command) {
      case "add": {
        const last = await tx.payer.aggregate({ _max: { position: true } });
        await tx.payer.create({ data: { code, label: command.label, position: (last._max.position ?? 0) + 1 } });
        break;
      }
      case "rename":
        await tx.payer.update({ where: { code }, data: { label: command.label } });
        break;
      case "activate":
      case "deactivate":
        await tx.payer.update({ where: { code }, data: { active: command.command === "activate" } });
        break;
      case "up":
      case "down":
        await move(tx, code, command.command);
        break;
    }
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "triage.payer.saved",
      metadata: { command: command.command, code, ...(existing ? { previousLabel: existing.label } : {}), ...("label" in command ? { label: command.label } : {}) },
    });
    return { code };
  });
}

// Swaps places with the neighbour above or below; positions are renumbered
// 1..n first so equal positions (seeded or concurrent adds) cannot stall it.
async function move(tx: Prisma.TransactionClient, code: string, direction: "up" | "down") {
  const all = await tx.payer.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }], select: { code: true } });
  const order = all.map((payer) => payer.code);
  const index = order.indexOf(code);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= order.length) return;
  [order[index], order[other]] = [order[other] ?? code, order[index] ?? code];
  for (const [position, each] of order.entries()) await tx.payer.update({ where: { code: each }, data: { position: position + 1 } });
}
