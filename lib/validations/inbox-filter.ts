import { z } from "zod";
import { OPEN_STAGES, PIPELINE_STAGES } from "@/lib/triage/pipeline/pipeline-transitions";
import { INQUIRY_CHANNELS, LANGUAGES } from "@/lib/validations/inquiry-options";
import { VERIFICATION_STATUSES } from "@/lib/validations/insurance-options";

// The inbox's filters and page cursor, read from the query string (a plain GET
// form, so a view is a link that can be bookmarked and works without
// JavaScript). Anything malformed is dropped rather than guessed at. Nothing
// here identifies anyone: the search (phone, email, name) is posted instead
// (lib/validations/inbox-search.ts), because URLs end up in browser history
// and server logs.

// The stages and which of them are open (someone still has to act; the inbox
// shows these by default) are the pipeline's, defined once there.
export const INQUIRY_STAGES = PIPELINE_STAGES;
export type InquiryStage = (typeof INQUIRY_STAGES)[number];
export { OPEN_STAGES };

// Keyset position: the last row shown, as (urgency segment, "c" when in the
// submitted-under-challenge part of it, createdAt in ms, id).
const CURSOR = /^([ur])(c?)(\d{1,15})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export type InboxCursor = { urgent: boolean; challenged?: boolean; createdAt: Date; id: string };

export function formatInboxCursor(cursor: InboxCursor): string {
  return `${cursor.urgent ? "u" : "r"}${cursor.challenged ? "c" : ""}${cursor.createdAt.getTime()}_${cursor.id}`;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || Array.isArray(value) ? undefined : value), schema.optional().catch(undefined));

const cursor = z.string().transform((value, ctx): InboxCursor => {
  const match = CURSOR.exec(value);
  if (!match) {
    ctx.addIssue({ code: "custom", message: "cursor.invalid" });
    return z.NEVER;
  }
  const [, segment, challenged, ms, id] = match;
  return { urgent: segment === "u", challenged: challenged === "c", createdAt: new Date(Number(ms)), id: id ?? "" };
});

export const InboxFilterSchema = z.object({
  stage: z.preprocess((value) => (value === "" || Array.isArray(value) ? undefined : value), z.enum(["open", "all", ...INQUIRY_STAGES]).catch("open").default("open")),
  urgency: optional(z.enum(["URGENT", "ROUTINE"])),
  // "mine", "unassigned" or a staff user's id.
  assignee: optional(z.union([z.enum(["mine", "unassigned"]), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)])),
  language: optional(z.enum(LANGUAGES)),
  source: optional(z.string().regex(/^[A-Z0-9_]{1,32}$/)),
  channel: optional(z.enum(INQUIRY_CHANNELS)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  // Issue 12: "waiting" = insurance given, verification not done yet.
  verification: optional(z.enum(["waiting", ...VERIFICATION_STATUSES])),
  after: optional(cursor),
});

export type InboxFilter = z.infer<typeof InboxFilterSchema>;

// The query string for a view of the inbox (defaults left out), optionally at
// a page cursor.
export function inboxQuery(filter: InboxFilter, options: { after?: InboxCursor } = {}): string {
  const params = new URLSearchParams();
  if (filter.stage !== "open") params.set("stage", filter.stage);
  for (const key of ["urgency", "assignee", "language", "source", "channel", "from", "to", "verification"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (options.after) params.set("after", formatInboxCursor(options.after));
  return params.toString();
}
