import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { decryptNoteBody } from "@/lib/triage/notes/encrypt-note-body";
import { NOTE_EDIT_WINDOW_MINUTES } from "@/lib/triage/notes/note-edit-window";

export type NoteVersionView = { id: string; body: string | null; createdAt: Date };
export type InquiryNoteView = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  // Oldest first; the last one is the note as it reads now.
  versions: NoteVersionView[];
  editableUntil: Date | null;
};

// Every note with every version, decrypted for the viewer. Part of the
// audited detail read (get-inquiry-detail), never called on its own. A
// version blanked by anonymisation reads as null.
export async function readInquiryNotes(options: {
  tx: Prisma.TransactionClient;
  inquiryId: string;
  viewerId: string;
  now: Date;
}): Promise<InquiryNoteView[]> {
  const notes = await options.tx.inquiryNote.findMany({
    where: { inquiryId: options.inquiryId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      authorId: true,
      createdAt: true,
      author: { select: { name: true } },
      versions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, bodyEnc: true, createdAt: true } },
    },
  });
  return notes.map((note) => {
    const until = new Date(note.createdAt.getTime() + NOTE_EDIT_WINDOW_MINUTES * 60_000);
    return {
      id: note.id,
      authorId: note.authorId,
      authorName: note.author?.name ?? null,
      createdAt: note.createdAt,
      versions: note.versions.map((version) => ({
        id: version.id,
        createdAt: version.createdAt,
        body: version.bodyEnc === null ? null : decryptNoteBody({ versionId: version.id, bodyEnc: version.bodyEnc }),
      })),
      editableUntil: note.authorId === options.viewerId && until > options.now ? until : null,
    };
  });
}
