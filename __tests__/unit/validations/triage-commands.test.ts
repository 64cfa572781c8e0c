import { randomUUID } from "node:crypto";
import { AssignmentSchema, CloseInquirySchema, ContactAttemptSchema, DuplicateDecisionSchema, StageChangeSchema } from "@/lib/validations/triage-commands";

const inquiryId = randomUUID();
const reasonId = randomUUID();

it("reads an exit choice as stage and reason, and only for exit stages", () => {
  expect(CloseInquirySchema.parse({ inquiryId, exit: `WITHDREW:${reasonId}`, expectedStage: "" })).toEqual({
    inquiryId,
    exit: { to: "WITHDREW", exitReasonId: reasonId },
    expectedStage: undefined,
  });
  for (const exit of [`REACHED:${reasonId}`, "WITHDREW:", `WITHDREW:${reasonId}:x`, "", `NOPE:${reasonId}`]) {
    expect(CloseInquirySchema.safeParse({ inquiryId, exit }).success).toBe(false);
  }
});

it("reads an attempt button's value as channel and outcome, and only the offered pairs", () => {
  expect(ContactAttemptSchema.parse({ inquiryId, attempt: "VOICEMAIL:LEFT_MESSAGE", nextFollowUpAt: "" })).toEqual({
    inquiryId,
    attempt: { channel: "VOICEMAIL", outcome: "LEFT_MESSAGE" },
    nextFollowUpAt: undefined,
  });
  expect(ContactAttemptSchema.safeParse({ inquiryId, attempt: "VOICEMAIL:REACHED" }).success).toBe(false);
  expect(ContactAttemptSchema.safeParse({ inquiryId, attempt: "CALL:NO_ANSWER", nextFollowUpAt: "tomorrow" }).success).toBe(false);
});

it("treats an empty assignee as unassign and refuses ids that are not uuids where uuids are stored", () => {
  expect(AssignmentSchema.parse({ inquiryId })).toEqual({ inquiryId, assigneeId: "" });
  expect(StageChangeSchema.safeParse({ inquiryId: "K7Q3-M9TD", to: "REACHED" }).success).toBe(false);
  expect(StageChangeSchema.safeParse({ inquiryId, to: "REACHED", exitReasonId: "1" }).success).toBe(false);
  expect(DuplicateDecisionSchema.safeParse({ inquiryId, decision: "confirm" }).success).toBe(false);
  expect(DuplicateDecisionSchema.parse({ inquiryId, decision: "dismiss", originalId: "ignored" })).toEqual({ inquiryId, decision: "dismiss" });
});
