import "server-only";
import { getDb } from "@/lib/db/client";

export type InboxOptions = {
  stages: { stage: string; label: string }[];
  sources: { code: string; label: string }[];
  staff: { id: string; name: string }[];
};

// The labels and choices the inbox's filters offer: pipeline stage labels and
// referral sources as admins named them (retired sources too, since older
// inquiries carry them), and the staff who can be assignees.
export async function loadInboxOptions(): Promise<InboxOptions> {
  const db = getDb();
  const [stages, sources, staff] = await Promise.all([
    db.pipelineStage.findMany({ orderBy: { position: "asc" }, select: { stage: true, label: true } }),
    db.referralSource.findMany({ orderBy: [{ active: "desc" }, { position: "asc" }], select: { code: true, label: true } }),
    db.staffUser.findMany({ where: { banned: false }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { stages, sources, staff };
}
