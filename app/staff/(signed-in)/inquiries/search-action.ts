"use server";

import { z } from "zod";
import type { InboxTableRow } from "@/components/staff/inbox/inbox-types";
import { toTableRow } from "@/components/staff/inbox/to-table-row";
import { requireStaffAction, StaffAccessDeniedError } from "@/lib/auth/require-staff";
import { logger } from "@/lib/logging/logger";
import type { SearchKind } from "@/lib/triage/resolve-inbox-search";
import { searchInquiries } from "@/lib/triage/search-inquiries";
import { loadInboxOptions } from "@/lib/triage/load-inbox-options";
import { getTriageSettings } from "@/lib/triage/triage-settings";
import { InboxSearchSchema } from "@/lib/validations/inbox-search";

export type InboxSearchState =
  | { ok: true; term: string; kinds: SearchKind[]; rows: InboxTableRow[]; more: boolean }
  | { ok: false; term: string; fieldErrors: { q?: string[] }; formError: string | null }
  | null;

// The inbox search, posted so the term (a phone number, an email address, a
// name) never lands in a URL, browser history or an access log.
export async function searchInboxAction(_previous: InboxSearchState, form: FormData): Promise<InboxSearchState> {
  const raw = form.get("q");
  const term = typeof raw === "string" ? raw.slice(0, 300) : "";
  try {
    const staff = await requireStaffAction();
    const parsed = InboxSearchSchema.safeParse({ q: term });
    if (!parsed.success) return { ok: false, term, fieldErrors: z.flattenError(parsed.error).fieldErrors, formError: null };
    const [found, settings, options] = await Promise.all([searchInquiries({ term: parsed.data.q, staff }), getTriageSettings(), loadInboxOptions()]);
    if (!found.ok) return { ok: false, term, fieldErrors: { q: [found.message] }, formError: null };
    const context = { timeZone: settings.timeZone, staffNames: Object.fromEntries(options.staff.map((s) => [s.id, s.name])) };
    return { ok: true, term, kinds: found.kinds, rows: found.rows.map((row) => toTableRow(row, context)), more: found.more };
  } catch (error) {
    if (error instanceof StaffAccessDeniedError) return { ok: false, term, fieldErrors: {}, formError: "Your session has ended. Sign in again to search." };
    logger.error({ err: error }, "inbox search failed");
    return { ok: false, term, fieldErrors: {}, formError: "The search could not be run. Try again in a moment." };
  }
}
