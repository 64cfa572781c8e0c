import type { Client } from "pg";
import { DecryptionError } from "@/lib/crypto/field-encryption";
import { getDb } from "@/lib/db/client";
import { addInquiryNote } from "@/lib/triage/notes/add-inquiry-note";
import { editInquiryNote } from "@/lib/triage/notes/edit-inquiry-note";
import { decryptNoteBody } from "@/lib/triage/notes/encrypt-note-body";
import { getInquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";
import { addStaffMember, auditActions, submitTestInquiry } from "@/__tests__/support/triage-detail-fixtures";

const database = provideTestDatabaseClient();
let sql: Client;
let author: TriageActor;
let colleague: TriageActor;

beforeAll(async () => {
  sql = database.sql;
  author = await addStaffMember({ name: "Casey" });
  colleague = await addStaffMember({ name: "Robin" });
});

const SECRET_WORDS = "Relapsed after the funeral; sister Marguerite drives her";

it("stores the note encrypted: no plaintext anywhere in the database, the audit row holds ids only", async () => {
  const { id } = await submitTestInquiry();
  const { noteId, versionId } = await addInquiryNote({ actor: author, inquiryId: id, body: `  ${SECRET_WORDS}\n  ` });
  const { rows } = await sql.query<{ bodyEnc: string }>(`SELECT "bodyEnc" FROM "InquiryNoteVersion" WHERE "id" = $1`, [versionId]);
  expect(rows[0]?.bodyEnc).toMatch(/^v1\.t1\./);
  // Every text-ish value of every table where a note could leak.
  const dump = await sql.query<{ text: string }>(`
    SELECT row_to_json(v)::text AS text FROM "InquiryNoteVersion" v
    UNION ALL SELECT row_to_json(n)::text FROM "InquiryNote" n
    UNION ALL SELECT row_to_json(a)::text FROM "AuditEvent" a`);
  for (const word of ["Relapsed", "funeral", "Marguerite"]) expect(dump.rows.map((row) => row.text).join("\n")).not.toContain(word);
  const audit = await getDb().auditEvent.findFirstOrThrow({ where: { inquiryId: id, action: "inquiry.note_added" } });
  expect(audit).toMatchObject({ actorId: author.user.id, ipAddress: "198.51.100.20", metadata: { noteId, versionId } });
  // Trimmed, then sealed.
  expect(decryptNoteBody({ versionId, bodyEnc: rows[0]?.bodyEnc ?? "" })).toBe(SECRET_WORDS);
});

it("binds each version's ciphertext to its own row: copied to another version it does not decrypt", async () => {
  const { id } = await submitTestInquiry();
  const first = await addInquiryNote({ actor: author, inquiryId: id, body: "first" });
  const second = await addInquiryNote({ actor: author, inquiryId: id, body: "second" });
  const { rows } = await sql.query<{ bodyEnc: string }>(`SELECT "bodyEnc" FROM "InquiryNoteVersion" WHERE "id" = $1`, [first.versionId]);
  expect(() => decryptNoteBody({ versionId: second.versionId, bodyEnc: rows[0]?.bodyEnc ?? "" })).toThrow(DecryptionError);
});

it("lets the author edit within 15 minutes; every version is kept and shown, oldest first", async () => {
  const { id } = await submitTestInquiry();
  const { noteId } = await addInquiryNote({ actor: author, inquiryId: id, body: "Call back Tuesday" });
  const edited = await editInquiryNote({ actor: author, inquiryId: id, noteId, body: "Call back Wednesday" });
  expect(edited.versionId).not.toBeNull();
  await editInquiryNote({ actor: author, inquiryId: id, noteId, body: "Call back Wednesday after 5" });
  // The same text again is not a new version.
  expect(await editInquiryNote({ actor: author, inquiryId: id, noteId, body: "Call back Wednesday after 5 " })).toEqual({ versionId: null });

  const detail = await getInquiryDetail({ actor: colleague, inquiryId: id });
  const note = detail.notes.find((candidate) => candidate.id === noteId);
  expect(note?.versions.map((version) => version.body)).toEqual(["Call back Tuesday", "Call back Wednesday", "Call back Wednesday after 5"]);
  expect(note?.authorName).toBe("Casey");
  // The colleague sees the note but cannot edit it; the author could.
  expect(note?.editableUntil).toBeNull();
  const ownView = await getInquiryDetail({ actor: author, inquiryId: id });
  expect(ownView.notes.find((candidate) => candidate.id === noteId)?.editableUntil).toBeInstanceOf(Date);
  expect((await auditActions(id)).filter((action) => action.startsWith("inquiry.note_"))).toEqual(["inquiry.note_added", "inquiry.note_edited", "inquiry.note_edited"]);
});

it("refuses an edit by anyone but the author", async () => {
  const { id } = await submitTestInquiry();
  const { noteId } = await addInquiryNote({ actor: author, inquiryId: id, body: "Mine" });
  await expect(editInquiryNote({ actor: colleague, inquiryId: id, noteId, body: "Theirs" })).rejects.toThrow(/Only the person who wrote/);
  expect(await getDb().inquiryNoteVersion.count({ where: { noteId } })).toBe(1);
});

it("refuses an edit after 15 minutes", async () => {
  const { id } = await submitTestInquiry();
  const { noteId } = await addInquiryNote({ actor: author, inquiryId: id, body: "Written long ago" });
  await sql.query(`UPDATE "InquiryNote" SET "createdAt" = now() - interval '15 minutes 1 second' WHERE "id" = $1`, [noteId]);
  await expect(editInquiryNote({ actor: author, inquiryId: id, noteId, body: "Rewritten" })).rejects.toThrow(/15 minutes/);
  await sql.query(`UPDATE "InquiryNote" SET "createdAt" = now() - interval '14 minutes 50 seconds' WHERE "id" = $1`, [noteId]);
  await expect(editInquiryNote({ actor: author, inquiryId: id, noteId, body: "Rewritten" })).resolves.toMatchObject({ versionId: expect.any(String) });
});

it("refuses an edit through another inquiry, and empty, too long or unsafe text", async () => {
  const { id } = await submitTestInquiry();
  const other = await submitTestInquiry();
  const { noteId } = await addInquiryNote({ actor: author, inquiryId: id, body: "Here" });
  await expect(editInquiryNote({ actor: author, inquiryId: other.id, noteId, body: "There" })).rejects.toThrow(/does not exist/);
  await expect(addInquiryNote({ actor: author, inquiryId: id, body: "   " })).rejects.toMatchObject({ field: "body" });
  await expect(addInquiryNote({ actor: author, inquiryId: id, body: "x".repeat(4001) })).rejects.toMatchObject({ field: "body" });
  await expect(addInquiryNote({ actor: author, inquiryId: id, body: "spoof \u202E txt" })).rejects.toMatchObject({ field: "body" });
  await expect(addInquiryNote({ actor: author, inquiryId: id, body: "line one\nline two" })).resolves.toMatchObject({ noteId: expect.any(String) });
});
