import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { assertActiveStaff } from "@/lib/triage/access/assert-active-staff";
import { decryptNoteBody, encryptNoteBody } from "@/lib/triage/notes/encrypt-note-body";
import { isUuid } from "@/lib/triage/access/is-uuid";
import { lockInquiry } from "@/lib/triage/pipeline/lock-inquiry";
import { NOTE_EDIT_WINDOW_MINUTES } from "@/lib/triage/notes/note-edit-window";
import { recordInquiryAuditEvent } from "@/lib/triage/access/record-inquiry-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { TriageRefusedError } from "@/lib/triage/access/triage-errors";
import { InquiryNoteBodySchema } from "@/lib/validations/inquiry-note";

type LockedNote = { inquiryId: string; authorId: string | null; editable: boolean };

// An edit adds a version; nothing is overwritten. Only the author may edit,
// and only within NOTE_EDIT_WINDOW_MINUTES of writing the note, measured by
// the database clock (the same clock that stamped createdAt). Saving the same
// text again adds nothing.
export async function editInquiryNote(options: {
  actor: TriageActor;
  inquiryId: string;
  noteId: string;
  body: string;
}): Promise<{ versionId: string | null }> {
  const parsed = InquiryNoteBodySchema.safeParse(options.body);
  if (!parsed.success) throw new TriageRefusedError(parsed.error.issues[0]?.message ?? "Write the note first.", "body");
  if (!isUuid(options.noteId)) throw new TriageRefusedError("That note does not exist.");
  return getDb().$transaction(async (tx) => {
    await assertActiveStaff({ tx, userId: options.actor.user.id });
    await lockInquiry({ tx, inquiryId: options.inquiryId });
    const [note] = await tx.$queryRaw<LockedNote[]>`
      SELECT "inquiryId"::text AS "inquiryId", "authorId",
             "createdAt" > now() - make_interval(mins => ${NOTE_EDIT_WINDOW_MINUTES}) AS "editable"
      FROM "InquiryNote" WHERE "id" = ${options.noteId}::uuid FOR UPDATE`;
    if (!note || note.inquiryId !== options.inquiryId) throw new TriageRefusedError("That note does not exist.");
    if (note.authorId !== options.actor.user.id) throw new TriageRefusedError("Only the person who wrote a note can edit it.");
    if (!note.editable) throw new TriageRefusedError(`A note can be edited for ${NOTE_EDIT_WINDOW_MINUTES} minutes after it is written.`);

    const latest = await tx.inquiryNoteVersion.findFirst({
      where: { noteId: options.noteId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, bodyEnc: true },
    });
    if (latest?.bodyEnc && decryptNoteBody({ versionId: latest.id, bodyEnc: latest.bodyEnc }) === parsed.data) return { versionId: null };
    const versionId = randomUUID();
    await tx.inquiryNoteVersion.create({ data: { id: versionId, noteId: options.noteId, bodyEnc: encryptNoteBody({ versionId, body: parsed.data }) } });
    await recordInquiryAuditEvent({ tx, actor: options.actor, action: "inquiry.note_edited", inquiryId: options.inquiryId, metadata: { noteId: options.noteId, versionId } });
    return { versionId };
  });
}
