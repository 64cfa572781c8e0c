import "server-only";
import { getDb } from "@/lib/db/client";

export type InboxOptions = {
  stages: { stage: string; label: string }[];
  sources: { code: string; label: string }[];
  // Everyone who may appear as an assignee; `active` ones can be chosen.
  staff: { id: string; name: string; active: boolean }[];
};

// The labels and choices the inbox's filters offer: pipeline stage labels and
// referral sources as admins named them (retired sources too, since older
// inquiries carry them), and the staff, to name assignees and to filter by.
export async function loadInboxOptions(): Promise<InboxOptions> {
  const db = getDb();
  const [stages, sources, staff] = await Promise.all([
    db.pipelineStage.findMany({ orderBy: { position: "asc" }, select: { stage: true, label: true } }),
    db.referralSource.findMany({ orderBy: [{ active: "desc" }, { position: "asc" }], select: { code: true, label: true } }),
    db.staffUser.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, banned: true } }),
  ]);
  return { stages, sources, staff: staff.map((s) => ({ id: s.id, name: s.name, active: !s.banned })) };
}
