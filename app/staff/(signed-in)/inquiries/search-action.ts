"use server";

import type { InboxSearchState } from "@/components/staff/inbox/inbox-types";
import { searchSummary } from "@/components/staff/inbox/search-summary";
import { toTableRow } from "@/components/staff/inbox/to-table-row";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { loadInboxOptions } from "@/lib/triage/inbox/load-inbox-options";
import { searchInquiries } from "@/lib/triage/inbox/search-inquiries";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { InboxSearchSchema } from "@/lib/validations/inbox-search";

// The inbox search, posted so the term (a phone number, an email address, a
// name) never lands in a URL, browser history or an access log.
export async function searchInboxAction(_previous: InboxSearchState, form: FormData): Promise<InboxSearchState> {
  const raw = form.get("q");
  const term = typeof raw === "string" ? raw.slice(0, 300) : "";
  return runStaffAction({
    input: { q: term },
    schema: InboxSearchSchema,
    keep: { term },
    work: async (staff, { q }): Promise<InboxSearchState> => {
      const [found, settings, options] = await Promise.all([searchInquiries({ term: q, staff }), getTriageSettings(), loadInboxOptions()]);
      if (!found.ok) return { ok: false, fieldErrors: { q: found.message }, formError: null };
      const context = { timeZone: settings.timeZone, staffNames: Object.fromEntries(options.staff.map((s) => [s.id, s.name])) };
      const message = searchSummary({ kinds: found.kinds, count: found.rows.length, more: found.more });
      return { ok: true, message, term, rows: found.rows.map((row) => toTableRow(row, context)) };
    },
  });
}
