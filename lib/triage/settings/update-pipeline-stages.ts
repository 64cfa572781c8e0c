import "server-only";
import { getDb } from "@/lib/db/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import type { PipelineStagesInput } from "@/lib/validations/pipeline-stages";

// Renames and reorders the stages as staff see them; positions become 1…n in
// the chosen order (ties keep the current order). Audited with the old and
// new labels in order.
export async function updatePipelineStages(options: { admin: TriageActor; stages: PipelineStagesInput }): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await assertAdmin({ tx, userId: options.admin.user.id });
    const current = await tx.pipelineStage.findMany({ orderBy: { position: "asc" } });
    const currentPosition = new Map(current.map((row) => [row.stage, row.position]));
    const ordered = [...options.stages].sort(
      (a, b) => a.order - b.order || (currentPosition.get(a.stage) ?? 0) - (currentPosition.get(b.stage) ?? 0),
    );
    const next = ordered.map((row, index) => ({ stage: row.stage, label: row.label, position: index + 1 }));
    const describe = (rows: { stage: string; label: string }[]) => rows.map((row) => `${row.stage}=${row.label}`);
    if (JSON.stringify(describe(current)) === JSON.stringify(describe(next))) return;
    for (const row of next) {
      await tx.pipelineStage.update({ where: { stage: row.stage }, data: { label: row.label, position: row.position } });
    }
    await recordAdminAuditEvent({ tx, actor: options.admin, action: "triage.stages.updated", metadata: { from: describe(current), to: describe(next) } });
  });
}
