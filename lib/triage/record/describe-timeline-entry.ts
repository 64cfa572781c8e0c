import type { InquiryStatus } from "@/lib/db/generated/enums";
import { attemptLabel } from "@/lib/triage/pipeline/contact-attempt-options";
import type { ContactChannel, ContactOutcome } from "@/lib/db/generated/enums";

export type TimelineLookups = {
  stageLabel: (stage: InquiryStatus) => string;
  exitReasonLabel: (id: string) => string | null;
  staffName: (id: string) => string | null;
  referenceCode: (inquiryId: string) => string | null;
};

type Metadata = Record<string, unknown>;

const text = (metadata: Metadata, key: string): string | null => {
  const value = metadata[key];
  return typeof value === "string" ? value : null;
};

function describeStageChange(metadata: Metadata, lookups: TimelineLookups): string {
  const from = text(metadata, "from") as InquiryStatus | null;
  const to = text(metadata, "to") as InquiryStatus | null;
  const reasonId = text(metadata, "exitReasonId");
  const reason = reasonId ? lookups.exitReasonLabel(reasonId) : null;
  const moved = `Stage ${from ? lookups.stageLabel(from) : "?"} → ${to ? lookups.stageLabel(to) : "?"}`;
  const why = reason ? ` (${reason})` : "";
  const how = metadata.automatic === true ? ", following a logged attempt" : metadata.kind === "reopen" ? ", reopened" : "";
  return `${moved}${why}${how}`;
}

function describeAssignment(metadata: Metadata, lookups: TimelineLookups): string {
  const assigneeId = text(metadata, "assigneeId");
  const name = assigneeId ? (lookups.staffName(assigneeId) ?? "a former staff member") : "?";
  if (metadata.roundRobin === true) return `Assigned to ${name} automatically (round-robin)`;
  return metadata.self === true ? "Took the inquiry (assigned to self)" : `Assigned to ${name}`;
}

function inquiryRef(metadata: Metadata, key: string, lookups: TimelineLookups): string {
  const id = text(metadata, key);
  return (id ? lookups.referenceCode(id) : null) ?? "another inquiry";
}

// What an audit row on an inquiry means, in a sentence for the timeline.
// Metadata never holds personal data, so neither does the sentence.
export function describeTimelineEntry(action: string, metadata: Metadata, lookups: TimelineLookups): string {
  switch (action) {
    case "inquiry.created":
      return metadata.urgency === "URGENT" ? "Received through the web form, marked urgent" : "Received through the web form";
    case "inquiry.viewed":
      return "Viewed";
    case "inquiry.stage_changed":
      return describeStageChange(metadata, lookups);
    case "inquiry.assigned":
      return describeAssignment(metadata, lookups);
    case "inquiry.unassigned":
      return "Unassigned";
    case "inquiry.contact_attempt_logged":
      return attemptLabel(text(metadata, "channel") as ContactChannel, text(metadata, "outcome") as ContactOutcome);
    case "inquiry.attempts_continued":
      return `Decided to keep trying after ${String(metadata.unsuccessfulAttempts ?? "several")} unsuccessful attempts`;
    case "inquiry.note_added":
      return "Added a note";
    case "inquiry.note_edited":
      return "Edited a note";
    case "inquiry.duplicate_flagged":
      return `Flagged as a possible duplicate of ${inquiryRef(metadata, "possibleDuplicateOfId", lookups)}`;
    case "inquiry.duplicate_confirmed":
      return `Closed as a duplicate of ${inquiryRef(metadata, "originalId", lookups)}`;
    case "inquiry.duplicate_linked":
      return `${inquiryRef(metadata, "duplicateId", lookups)} confirmed as a duplicate of this inquiry`;
    case "inquiry.duplicate_dismissed":
      return "Marked as not a duplicate";
    default:
      return action;
  }
}
