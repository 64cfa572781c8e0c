import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import { SettingsRefusedError } from "@/lib/triage/settings/settings-refused-error";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { StaffLanguagesInput } from "@/lib/validations/staff-languages";

// The languages a staff member speaks (round-robin assignment matches them
// to the inquiry's preferred language).
export async function setStaffLanguages(options: { admin: TriageActor; input: StaffLanguagesInput }): Promise<void> {
  const { userId, languages } = options.input;
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const user = await tx.staffUser.findUnique({ where: { id: userId }, select: { profile: { select: { languages: true } } } });
    if (!user) throw new SettingsRefusedError("No such staff account.");
    const before = user.profile?.languages ?? [];
    if (JSON.stringify(before) === JSON.stringify(languages)) return;
    await tx.staffProfile.upsert({ where: { userId }, create: { userId, languages }, update: { languages } });
    await recordAdminAuditEvent({ tx, actor: options.admin, action: "staff.languages.updated", metadata: { subjectUserId: userId, from: before, to: languages } });
  });
}
