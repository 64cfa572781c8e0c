import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { encryptNoteBody } from "@/lib/triage/notes/encrypt-note-body";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { InquiryNoteBodySchema } from "@/lib/validations/inquiry-note";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";

// A new note: the note row (author, time) and its first version (the text,
// encrypted before it leaves the application). Closed inquiries take notes
// too: why an inquiry was closed is often worth writing down.
export async function addInquiryNote(options: { actor: TriageActor; inquiryId: string; body: string }): Promise<{ noteId: string; versionId: string }> {
  const parsed = InquiryNoteBodySchema.safeParse(options.body);
  if (!parsed.success) throw new TriageRefusedError(parsed.error.issues[0]?.message ?? "Write the note first.", "body");
  const noteId = randomUUID();
  const versionId = randomUUID();
  const bodyEnc = encryptNoteBody({ versionId, body: parsed.data });
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    const inquiry = await lockInquiry({ tx, inquiryId: options.inquiryId });
    await tx.inquiryNote.create({
      data: { id: noteId, inquiryId: inquiry.id, authorId: options.actor.user.id, versions: { create: { id: versionId, bodyEnc } } },
      select: { id: true },
    });
    await recordInquiryAuditEvent({ tx, actor: options.actor, action: "inquiry.note_added", inquiryId: inquiry.id, metadata: { noteId, versionId } });
    return { noteId, versionId };
  });
}
