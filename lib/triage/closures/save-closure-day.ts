import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { closureRange } from "@/lib/triage/closures/closure-range";
import { isoDate } from "@/lib/triage/closures/list-closed-dates";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { ClosureCommand } from "@/lib/validations/closure-day";

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function assertInRange(tx: Prisma.TransactionClient, date: string, now: Date): Promise<void> {
  const { timeZone } = await tx.triageSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true } });
  const { first, last } = closureRange(now, timeZone);
  if (date < first || date > last) throw new SettingsRefusedError(`Choose a date between ${first} and ${last}.`, "date");
}

// Adds or removes one closure day, with its audit entry, in one transaction.
// A date already closed is refused rather than silently relabelled.
export async function saveClosureDay(options: { admin: TriageActor; command: ClosureCommand; now?: Date }): Promise<void> {
  const { command } = options;
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const existing = await tx.closureDay.findUnique({ where: { date: asDate(command.date) } });
    if (command.command === "add") {
      if (existing) throw new SettingsRefusedError("That date is already a closure day.", "date");
      await assertInRange(tx, command.date, options.now ?? new Date());
      await tx.closureDay.create({ data: { date: asDate(command.date), label: command.label || null } });
    } else {
      if (!existing) throw new SettingsRefusedError("That date is not a closure day.");
      await tx.closureDay.delete({ where: { date: asDate(command.date) } });
    }
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: command.command === "add" ? "triage.closure.added" : "triage.closure.removed",
      metadata: { date: command.date, label: command.command === "add" ? command.label || null : existing?.label ?? null },
    });
  });
}

// Adds the public holidays an admin chose from the calendar preview. Dates
// already closed are left as they are (and not counted), so adding a year's
// holidays twice changes nothing. One audit entry lists what was added.
export async function addPublicHolidays(options: {
  admin: TriageActor;
  holidays: readonly { date: string; name: string }[];
  source: { country: string; state: string };
  now?: Date;
}): Promise<{ added: string[] }> {
  return getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    for (const holiday of options.holidays) await assertInRange(tx, holiday.date, options.now ?? new Date());
    const existing = await tx.closureDay.findMany({ where: { date: { in: options.holidays.map((holiday) => asDate(holiday.date)) } }, select: { date: true } });
    const closed = new Set(existing.map((row) => isoDate(row.date)));
    const fresh = options.holidays.filter((holiday) => !closed.has(holiday.date));
    await tx.closureDay.createMany({ data: fresh.map((holiday) => ({ date: asDate(holiday.date), label: holiday.name.slice(0, 80) })), skipDuplicates: true });
    const added = fresh.map((holiday) => holiday.date).sort();
    await recordAdminAuditEvent({
      tx,
      actor: options.admin,
      action: "triage.closure.holidays_added",
      metadata: { country: options.source.country, state: options.source.state || null, added: added.length, dates: added },
    });
    return { added };
  });
}
